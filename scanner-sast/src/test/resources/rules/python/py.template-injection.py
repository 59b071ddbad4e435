from flask import Flask, request, render_template_string, render_template
app = Flask(__name__)
@app.route("/t")
def page():
    # ruleid: py.template-injection
    html = render_template_string("<p>" + request.args["name"] + "</p>")
    # ok: py.template-injection
    same = render_template("page.html", name=request.args["name"])
    return html
