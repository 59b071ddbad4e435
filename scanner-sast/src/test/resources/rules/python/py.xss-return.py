from flask import Flask, request, redirect, make_response
app = Flask(__name__)
from markupsafe import escape
@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    if name == "x":
        # ok: py.xss-return
        return "<h1>Hello " + escape(name) + "</h1>"
    # ruleid: py.xss-return
    return "<h1>Hello " + name + "</h1>"
@app.route("/json")
def as_json():
    # ok: py.xss-return
    return {"name": request.args.get("name")}
