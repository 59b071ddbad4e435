/* A block comment
   over lines */
terraform {
  required_version = ">= 1.5"
}

locals {
  tags = { Owner = "team", "cost-center" = 42 }
  name = "${var.prefix}-app" // trailing comment
  list = [for s in var.subnets : s.id if s.public]
  cond = var.enabled ? 1 : 0
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  cidr   = "10.0.0.0/16"
}
