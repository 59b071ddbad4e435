<?php
function find_product($conn, $name) {
    return mysqli_query($conn, "SELECT * FROM products WHERE name = '" . $name . "'");
}
