app.get('/u', async (req, res) => {
  // ruleid: js.nosql-where
  const users = await User.find({ $where: 'this.name == "' + req.query.name + '"' });
  // ok: js.nosql-where
  const same = await User.find({ $where: 'this.age > 18' });
});
