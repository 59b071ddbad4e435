<?php
// ruleid: php.unsafe-deserialization
$prefs = unserialize($_COOKIE['prefs']);
// ok: php.unsafe-deserialization
$safe = unserialize($_COOKIE['prefs'], ['allowed_classes' => false]);
