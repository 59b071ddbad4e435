const ejs = require('ejs');
app.get('/t', (req, res) => {
  // ruleid: js.template-injection
  res.send(ejs.render(req.query.tpl, {}).length);
  // ok: js.template-injection
  res.send(ejs.render('<p><%= name %></p>', { name: req.query.name }).length);
});
