app.post('/login', async (req, res) => {
  // ruleid: js.nosql-operator-injection
  const user = await User.findOne({ name: req.body.name, password: req.body.password });
  // ok: js.nosql-operator-injection
  const safe = await User.findOne({ name: String(req.body.name).length });
});
