resource "aws_s3_bucket" "b" {
  bucket = "x-${var.env
  tags = { a = [1, 2}
  policy = <<-EOF
    ${"nested ${"deep"}"}
variable "v" { default = "${
