<?php
require_once __DIR__ . '/db.php';

$conn = mysqli_connect('db', 'shop', getenv('DB_PASSWORD'), 'shop');
$action = $_GET['action'] ?? 'home';

if ($action === 'products') {
    $rows = find_product($conn, $_GET['name']);
} elseif ($action === 'ping') {
    echo shell_exec('ping -c 1 ' . $_GET['host']);
} elseif ($action === 'hello') {
    echo '<h1>Hello ' . $_GET['name'] . '</h1>';
} elseif ($action === 'download') {
    readfile('/srv/files/' . $_GET['file']);
} elseif ($action === 'preview') {
    $ch = curl_init($_GET['url']);
    curl_exec($ch);
} elseif ($action === 'login_done') {
    header('Location: ' . $_GET['next']);
} elseif ($action === 'prefs') {
    $prefs = unserialize(base64_decode($_COOKIE['prefs']));
}

function etag($body) {
    return md5($password_salt . $body);
}
