const serialize = require('node-serialize');
app.get('/profile', (req, res) => {
  // ruleid: js.unsafe-deserialization
  const profile = serialize.unserialize(req.cookies.profile);
  // ok: js.unsafe-deserialization
  const data = JSON.parse(req.cookies.profile);
  res.json({ profile, data });
});
