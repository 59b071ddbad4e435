<?php
// ruleid: php.open-redirect
header('Location: ' . $_GET['next']);
// ok: php.open-redirect
header('Location: /home');
// ok: php.open-redirect
header('X-Page: ' . urlencode($_GET['next']));
