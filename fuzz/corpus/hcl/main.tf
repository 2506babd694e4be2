terraform {
  backend "s3" {
    bucket = "state"   # comment
    key    = "prod/terraform.tfstate"
  }
}
/* block
comment */
provider "aws" {
  region     = var.region
  access_key = "AKIAIOSFODNN7EXAMPLE"
}
// line comment
resource "aws_db_instance" "main" {
  identifier = "db-${var.env}-${lookup(var.m, "k", "}")}"
  backup_retention_period = 0
  tags = {
    Name = "x"
    "Env": var.env,
  }
  list = [
    1,
    -2.5e3,
    true,
  ]
  policy = <<-EOF
    {"a": "${var.x}"}
  EOF
  plain = <<EOT
hello $${not}
EOT
  cond = var.a ? 1 : 2
  f = [for s in var.list : upper(s) if s != ""]
  call = jsonencode({
    a = 1
  })
  ref = aws_kms_key.k.arn
  idx = module.vpc.ids[0]
  splat = aws_instance.web[*].id
  ns = provider::aws::arn_parse(var.x)
  w = "${terraform.workspace}"
  ws = terraform.workspace
  nul = null
  neg = -1
  paren = (var.x)
  op = var.a + 1
  lifecycle { prevent_destroy = true }
}
