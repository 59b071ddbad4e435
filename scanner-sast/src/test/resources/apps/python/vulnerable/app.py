import hashlib
import os
import pickle
import base64

import requests
from flask import Flask, request, redirect, make_response

from store import find_product

app = Flask(__name__)


@app.route("/products")
def products():
    return {"rows": find_product(request.args.get("name", ""))}


@app.route("/ping")
def ping():
    os.system("ping -c 1 " + request.args["host"])
    return "sent"


@app.route("/hello")
def hello():
    return make_response("<h1>Hello " + request.args.get("name", "") + "</h1>")


@app.route("/download")
def download():
    with open(os.path.join("/srv/files", request.args["file"]), "rb") as fh:
        return fh.read()


@app.route("/preview")
def preview():
    page = requests.get(request.args["url"], timeout=5)
    return {"length": len(page.text)}


@app.route("/login/done")
def login_done():
    return redirect(request.args.get("next", "/"))


@app.route("/prefs")
def prefs():
    data = pickle.loads(base64.b64decode(request.cookies["prefs"]))
    return {"prefs": data}


def etag(body):
    return hashlib.md5(body).hexdigest()
