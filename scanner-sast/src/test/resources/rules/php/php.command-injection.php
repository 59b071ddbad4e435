<?php
$host = $_GET['host'];
// ruleid: php.command-injection
system("ping -c 1 " . $host);
// ok: php.command-injection
system("ping -c 1 " . escapeshellarg($host));
