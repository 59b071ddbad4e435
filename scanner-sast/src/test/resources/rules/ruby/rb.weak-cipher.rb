# ruleid: rb.weak-cipher
cipher = OpenSSL::Cipher.new('des-cbc')
# ok: rb.weak-cipher
strong = OpenSSL::Cipher.new('aes-256-gcm')
