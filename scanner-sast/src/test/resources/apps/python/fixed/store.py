import sqlite3

DB = sqlite3.connect("shop.db", check_same_thread=False)


def find_product(name):
    return DB.execute("SELECT * FROM products WHERE name = ?", (name,)).fetchall()
