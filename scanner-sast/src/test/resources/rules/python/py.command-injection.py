from flask import Flask, request, redirect, make_response
app = Flask(__name__)
import os
@app.route("/ping")
def ping():
    host = request.args["host"]
    # ruleid: py.command-injection
    os.system("ping -c 1 " + host)
    # ok: py.command-injection
    os.system("uptime")
    return "ok"
