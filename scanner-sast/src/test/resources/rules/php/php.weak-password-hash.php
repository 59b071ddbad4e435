<?php
// ruleid: php.weak-password-hash
$stored = md5($password);
// ok: php.weak-password-hash
$etag = md5($body);
