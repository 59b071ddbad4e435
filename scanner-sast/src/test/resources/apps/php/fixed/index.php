<?php
require_once __DIR__ . '/db.php';

$conn = mysqli_connect('db', 'shop', getenv('DB_PASSWORD'), 'shop');
$action = $_GET['action'] ?? 'home';
$previewSites = ['docs' => 'https://docs.example.com/'];

if ($action === 'products') {
    $rows = find_product($conn, $_GET['name']);
} elseif ($action === 'ping') {
    echo htmlspecialchars(shell_exec('ping -c 1 ' . escapeshellarg($_GET['host'])));
} elseif ($action === 'hello') {
    echo '<h1>Hello ' . htmlspecialchars($_GET['name'], ENT_QUOTES) . '</h1>';
} elseif ($action === 'download') {
    readfile('/srv/files/' . basename($_GET['file']));
} elseif ($action === 'preview') {
    $ch = curl_init($previewSites['docs']);
    curl_exec($ch);
} elseif ($action === 'login_done') {
    header('Location: /account');
} elseif ($action === 'prefs') {
    $prefs = json_decode(base64_decode($_COOKIE['prefs']), true);
}

function etag($body) {
    return password_hash($password_salt . $body, PASSWORD_DEFAULT);
}
