from flask import Flask, request, redirect, make_response
app = Flask(__name__)
@app.route("/calc")
def calc():
    expr = request.args.get("e")
    # ruleid: py.code-injection
    value = eval(expr)
    # ok: py.code-injection
    fixed = eval("1 + 2")
    return str(value + fixed)
