resource "aws_db_instance" "db" {
  engine              = "mysql"
  storage_encrypted   = true
  publicly_accessible = true
}
