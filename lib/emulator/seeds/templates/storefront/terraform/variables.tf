variable "payments_api_key_prod" {
  description = "Stage variable value, supplied at deploy time (never in the configuration)"
  type        = string
  sensitive   = true
}

variable "payments_api_key_dev" {
  description = "Stage variable value, supplied at deploy time (never in the configuration)"
  type        = string
  sensitive   = true
}
