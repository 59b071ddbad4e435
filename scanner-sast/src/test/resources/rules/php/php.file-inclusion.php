<?php
$page = $_GET['page'];
// ruleid: php.file-inclusion
include 'pages/' . $page . '.php';
// ok: php.file-inclusion
include 'pages/home.php';
