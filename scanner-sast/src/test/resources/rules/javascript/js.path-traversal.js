const fs = require('fs');
const path = require('path');
app.get('/file', (req, res) => {
  // ruleid: js.path-traversal
  fs.readFile(path.join('/srv/files', req.query.name), (e, d) => res.end(d));
  // ok: js.path-traversal
  fs.readFile(path.join('/srv/files', path.basename(req.query.name)), (e, d) => res.end(d));
  // ok: js.path-traversal
  fs.readFile('/srv/files/index.txt', (e, d) => res.end(d));
});
