const express = require('express');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const axios = require('axios');
const { execFile } = require('child_process');
const escapeHtml = require('escape-html');
const { findProduct } = require('./db');

const app = express();
const PREVIEW_HOSTS = { docs: 'https://docs.example.com/', blog: 'https://blog.example.com/' };

app.get('/products', async (req, res) => {
  const rows = await findProduct(req.query.name);
  res.json(rows);
});

app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', String(req.query.host)], (err, out) => res.type('text').send(out));
});

app.get('/hello', (req, res) => {
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
});

app.get('/download', (req, res) => {
  fs.createReadStream(path.join(__dirname, 'files', path.basename(req.query.file))).pipe(res);
});

app.get('/preview', async (req, res) => {
  const page = await axios.get(PREVIEW_HOSTS.docs);
  res.json({ length: page.data.length, site: req.query.site === 'blog' });
});

app.get('/login/done', (req, res) => {
  res.redirect('/account');
});

app.get('/prefs', (req, res) => {
  const prefs = JSON.parse(Buffer.from(req.cookies.prefs, 'base64').toString());
  res.json(prefs);
});

function etag(body) {
  return crypto.createHash('sha256').update(body).digest('hex');
}

app.listen(3000);
module.exports = { etag };
