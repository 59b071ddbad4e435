<?php
$file = $_GET['file'];
// ruleid: php.path-traversal
$data = file_get_contents('/srv/files/' . $file);
// ok: php.path-traversal
$same = file_get_contents('/srv/files/' . basename($file));
