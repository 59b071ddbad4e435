resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "s3" {
  role   = aws_iam_role.app.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]
    }
  EOT
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
