from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/u")
def user():
    uid = request.args.get("id")
    # ruleid: py.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = '%s'" % uid)
    # ok: py.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))
    # ok: py.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = %d" % int(uid))
    return "ok"
