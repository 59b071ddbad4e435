from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/go")
def go():
    # ruleid: py.open-redirect
    return redirect(request.args.get("next"))
@app.route("/home")
def home():
    # ok: py.open-redirect
    return redirect("/")
