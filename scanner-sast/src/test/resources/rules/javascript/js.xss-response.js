app.get('/hello', (req, res) => {
  // ruleid: js.xss-response
  res.send('<h1>Hello ' + req.query.name + '</h1>');
  // ok: js.xss-response
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
  // ok: js.xss-response
  res.send('<h1>Hello</h1>');
});
