from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/u")
def user():
    # ruleid: py.nosql-where
    rows = db.users.find({"$where": "this.name == '" + request.args["n"] + "'"})
    # ok: py.nosql-where
    rows = db.users.find({"name": "fixed"})
    return "ok"
