const cp = require('child_process');
app.get('/ping', (req, res) => {
  // ruleid: js.command-injection-shell-option
  cp.spawn('ping ' + req.query.host, { shell: true });
  // ok: js.command-injection-shell-option
  cp.spawn('ping', [req.query.host]);
});
