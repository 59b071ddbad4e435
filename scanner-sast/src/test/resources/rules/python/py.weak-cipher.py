from Crypto.Cipher import DES, AES
# ruleid: py.weak-cipher
c = DES.new(key, DES.MODE_CBC)
# ok: py.weak-cipher
d = AES.new(key, AES.MODE_GCM)
