const axios = require('axios');
app.get('/proxy', async (req, res) => {
  // ruleid: js.ssrf
  const r = await axios.get(req.query.url);
  // ok: js.ssrf
  const s = await axios.get('https://api.example.com/items?q=' + encodeURIComponent(req.query.q).length);
  res.json(r.data);
});
