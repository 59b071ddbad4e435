app.get('/u', (req, res) => {
  const id = req.query.id;
  // ruleid: js.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + id);
  // ok: js.sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [id]);
  // ok: js.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + parseInt(id, 10));
});
