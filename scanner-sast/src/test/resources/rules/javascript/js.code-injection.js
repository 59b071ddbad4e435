app.get('/calc', (req, res) => {
  const expr = req.query.expr;
  // ruleid: js.code-injection
  const value = eval(expr);
  // ok: js.code-injection
  const fixed = eval('1 + 2');
  // ok: js.code-injection
  const parsed = JSON.parse(expr);
  res.json({ value, fixed, parsed });
});
