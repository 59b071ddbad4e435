# ruleid: rb.tls-verify-none
http.start(verify_mode: OpenSSL::SSL::VERIFY_NONE)
# ok: rb.tls-verify-none
http.start(verify_mode: OpenSSL::SSL::VERIFY_PEER)
