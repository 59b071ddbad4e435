resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # everyone
  }
}

resource "aws_security_group_rule" "rdp" {
  type             = "ingress"
  from_port        = 3389
  to_port          = 3389
  protocol         = "tcp"
  ipv6_cidr_blocks = ["::/0"]
  security_group_id = aws_security_group.admin.id
}
