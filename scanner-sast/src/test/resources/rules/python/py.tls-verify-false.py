import requests
# ruleid: py.tls-verify-false
r = requests.get(url, verify=False, timeout=10)
# ok: py.tls-verify-false
s = requests.get(url, verify=True, timeout=10)
