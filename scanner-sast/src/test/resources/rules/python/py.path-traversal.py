from flask import Flask, request, redirect, make_response
app = Flask(__name__)
import os
@app.route("/file")
def read():
    name = request.args["name"]
    # ruleid: py.path-traversal
    with open(os.path.join("/srv/files", name)) as fh:
        data = fh.read()
    # ok: py.path-traversal
    with open(os.path.join("/srv/files", os.path.basename(name))) as fh:
        data = fh.read()
    return data
