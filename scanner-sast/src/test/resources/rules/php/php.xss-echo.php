<?php
$name = $_GET['name'];
// ruleid: php.xss-echo
echo "<h1>Hello " . $name . "</h1>";
// ok: php.xss-echo
echo "<h1>Hello " . htmlspecialchars($name, ENT_QUOTES) . "</h1>";
?>
<p>
<!-- ruleid: php.xss-echo -->
<?= $_GET['q'] ?>
</p>
