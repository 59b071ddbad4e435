<?php
function find_product($conn, $name) {
    $stmt = mysqli_prepare($conn, 'SELECT * FROM products WHERE name = ?');
    mysqli_stmt_bind_param($stmt, 's', $name);
    mysqli_stmt_execute($stmt);
    return mysqli_stmt_get_result($stmt);
}
