<?php
$name = $_POST['name'];
// ruleid: php.sql-injection-method
$rows = $pdo->query("SELECT * FROM users WHERE name = '$name'");
// ok: php.sql-injection-method
$stmt = $pdo->prepare("SELECT * FROM users WHERE name = ?");
$stmt->execute([$name]);
