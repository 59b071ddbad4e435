import jinja2
# ruleid: py.jinja-autoescape-off
env = jinja2.Environment(loader=jinja2.FileSystemLoader("t"))
# ok: py.jinja-autoescape-off
safe = jinja2.Environment(loader=jinja2.FileSystemLoader("t"), autoescape=True)
