# ruleid: py.insecure-session-cookie
SESSION_COOKIE_SECURE = False
# ok: py.insecure-session-cookie
SESSION_COOKIE_HTTPONLY = True
