# another module: its logging resource names a bucket of the same name, but does not apply to infra/
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "audit-logs"
}
