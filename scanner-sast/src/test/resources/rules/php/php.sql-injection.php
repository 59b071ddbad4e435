<?php
$id = $_GET['id'];
// ruleid: php.sql-injection
$r = mysqli_query($conn, "SELECT * FROM users WHERE id = '" . $id . "'");
// ok: php.sql-injection
$s = mysqli_query($conn, "SELECT * FROM users WHERE id = " . intval($id));
