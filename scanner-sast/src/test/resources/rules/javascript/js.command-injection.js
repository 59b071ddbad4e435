const { exec, execFile } = require('child_process');
app.get('/ping', (req, res) => {
  // ruleid: js.command-injection
  exec('ping -c 1 ' + req.query.host, () => res.end());
  // ok: js.command-injection
  execFile('ping', ['-c', '1', req.query.host], () => res.end());
  // ok: js.command-injection
  exec('uptime', () => res.end());
});
