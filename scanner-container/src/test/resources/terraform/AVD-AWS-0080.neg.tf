resource "aws_db_instance" "db" {
  engine            = "mysql"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}
