# ruleid: rb.weak-hash
digest = Digest::MD5.hexdigest(data)
# ok: rb.weak-hash
strong = Digest::SHA256.hexdigest(data)
