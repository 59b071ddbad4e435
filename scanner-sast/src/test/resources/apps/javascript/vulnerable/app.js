const express = require('express');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const axios = require('axios');
const { exec } = require('child_process');
const serialize = require('node-serialize');
const { findProduct } = require('./db');

const app = express();

app.get('/products', async (req, res) => {
  const rows = await findProduct(req.query.name);
  res.json(rows);
});

app.get('/ping', (req, res) => {
  exec('ping -c 1 ' + req.query.host, (err, out) => res.type('text').send(out));
});

app.get('/hello', (req, res) => {
  res.send('<h1>Hello ' + req.query.name + '</h1>');
});

app.get('/download', (req, res) => {
  fs.createReadStream(path.join(__dirname, 'files', req.query.file)).pipe(res);
});

app.get('/preview', async (req, res) => {
  const page = await axios.get(req.query.url);
  res.json({ length: page.data.length });
});

app.get('/login/done', (req, res) => {
  res.redirect(req.query.next);
});

app.get('/prefs', (req, res) => {
  const prefs = serialize.unserialize(Buffer.from(req.cookies.prefs, 'base64').toString());
  res.json(prefs);
});

function etag(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}

app.listen(3000);
module.exports = { etag };
