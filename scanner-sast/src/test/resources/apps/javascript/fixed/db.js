const mysql = require('mysql2');
const pool = mysql.createPool({ host: 'db', user: 'shop' });

function findProduct(name) {
  return pool.query('SELECT * FROM products WHERE name = ?', [name]);
}

module.exports = { findProduct };
