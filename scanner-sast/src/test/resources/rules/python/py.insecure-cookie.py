from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: py.insecure-cookie
    resp.set_cookie("sid", token, secure=False)
    # ok: py.insecure-cookie
    resp.set_cookie("sid", token, secure=True, httponly=True)
    return resp
