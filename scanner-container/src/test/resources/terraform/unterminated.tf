variable "x" {
  default = "oops
}
