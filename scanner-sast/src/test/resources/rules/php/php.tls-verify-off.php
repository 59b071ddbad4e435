<?php
// ruleid: php.tls-verify-off
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ok: php.tls-verify-off
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
