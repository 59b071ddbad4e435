import yaml
# ruleid: py.yaml-unsafe-load
data = yaml.load(fh, Loader=yaml.Loader)
# ok: py.yaml-unsafe-load
safe = yaml.load(fh, Loader=yaml.SafeLoader)
