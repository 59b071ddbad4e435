<?php
// ruleid: php.insecure-session-cookie
ini_set('session.cookie_secure', '0');
// ok: php.insecure-session-cookie
ini_set('session.cookie_secure', '1');
