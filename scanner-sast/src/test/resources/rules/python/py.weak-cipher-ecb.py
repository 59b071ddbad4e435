from Crypto.Cipher import AES
# ruleid: py.weak-cipher-ecb
c = AES.new(key, AES.MODE_ECB)
# ok: py.weak-cipher-ecb
d = AES.new(key, AES.MODE_GCM)
