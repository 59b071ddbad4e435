from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py.xss-response
    resp = make_response("<h1>Hello " + name + "</h1>")
    # ok: py.xss-response
    safe = make_response("<h1>Hello</h1>")
    return resp
