resource "aws_cloudtrail" "main" {
  name                       = "main"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
