<?php
// ruleid: php.weak-cipher
$c = openssl_encrypt($data, 'des-cbc', $key, 0, $iv);
// ok: php.weak-cipher
$d = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
