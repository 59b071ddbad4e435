# ruleid: rb.insecure-session-cookie
Rails.application.config.session_store :cookie_store, key: '_app', secure: false
# ok: rb.insecure-session-cookie
Rails.application.config.session_store :cookie_store, key: '_app', secure: true, httponly: true
