<?php
$expr = $_GET['expr'];
// ruleid: php.code-injection
eval('$x = ' . $expr . ';');
// ok: php.code-injection
eval('$x = 1 + 2;');
