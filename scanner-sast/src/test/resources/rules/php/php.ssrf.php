<?php
// ruleid: php.ssrf
$ch = curl_init($_GET['url']);
// ok: php.ssrf
$ok = curl_init('https://api.example.com/items');
