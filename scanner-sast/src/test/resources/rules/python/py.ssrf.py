from flask import Flask, request, redirect, make_response
app = Flask(__name__)
import requests
@app.route("/proxy")
def proxy():
    # ruleid: py.ssrf
    r = requests.get(request.args["url"], timeout=5)
    # ok: py.ssrf
    s = requests.get("https://api.example.com/items", params={"q": request.args["q"]}, timeout=5)
    return r.text
