import hashlib
import json
import os
import subprocess
import base64

import requests
from flask import Flask, request, redirect, make_response, send_from_directory
from markupsafe import escape

from store import find_product

app = Flask(__name__)
PREVIEW_SITES = {"docs": "https://docs.example.com/", "blog": "https://blog.example.com/"}


@app.route("/products")
def products():
    return {"rows": find_product(request.args.get("name", ""))}


@app.route("/ping")
def ping():
    subprocess.run(["ping", "-c", "1", request.args["host"]], check=False)
    return "sent"


@app.route("/hello")
def hello():
    return make_response("<h1>Hello " + escape(request.args.get("name", "")) + "</h1>")


@app.route("/download")
def download():
    return send_from_directory("/srv/files", request.args["file"])


@app.route("/preview")
def preview():
    page = requests.get(PREVIEW_SITES.get(request.args.get("site"), PREVIEW_SITES["docs"]), timeout=5)
    return {"length": len(page.text)}


@app.route("/login/done")
def login_done():
    return redirect("/account")


@app.route("/prefs")
def prefs():
    data = json.loads(base64.b64decode(request.cookies["prefs"]))
    return {"prefs": data}


def etag(body):
    return hashlib.sha256(body).hexdigest()
