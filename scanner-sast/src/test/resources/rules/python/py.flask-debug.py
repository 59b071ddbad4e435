from flask import Flask, request, redirect, make_response
app = Flask(__name__)
if __name__ == "__main__":
    # ruleid: py.flask-debug
    app.run(debug=True)
    # ok: py.flask-debug
    app.run(debug=False)
