from flask import Flask, request, redirect, make_response
app = Flask(__name__)
from pathlib import Path
@app.route("/file")
def read():
    # ruleid: py.path-traversal-pathlib
    data = Path("/srv/files/" + request.args["name"]).read_text()
    # ok: py.path-traversal-pathlib
    same = Path("/srv/files/index.txt").read_text()
    return data
