import hashlib
# ruleid: py.weak-hash
digest = hashlib.md5(data).hexdigest()
# ok: py.weak-hash
checksum = hashlib.md5(data, usedforsecurity=False).hexdigest()
# ok: py.weak-hash
strong = hashlib.sha256(data).hexdigest()
