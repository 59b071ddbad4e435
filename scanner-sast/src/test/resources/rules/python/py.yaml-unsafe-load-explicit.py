import yaml
# ruleid: py.yaml-unsafe-load-explicit
data = yaml.unsafe_load(fh)
# ok: py.yaml-unsafe-load-explicit
safe = yaml.safe_load(fh)
