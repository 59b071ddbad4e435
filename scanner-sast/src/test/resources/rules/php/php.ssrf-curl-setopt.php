<?php
$ch = curl_init();
// ruleid: php.ssrf-curl-setopt
curl_setopt($ch, CURLOPT_URL, $_POST['url']);
// ok: php.ssrf-curl-setopt
curl_setopt($ch, CURLOPT_URL, 'https://api.example.com/items');
