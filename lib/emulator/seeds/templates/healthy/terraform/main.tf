# The "healthy" demo API (lib/emulator/seeds/healthy.ts) as a Terraform configuration (this directory): the same
# paths, verbs, authorization, authorizers (TTLs, identity sources), MOCK integrations, method and integration
# responses with their CORS headers, gateway responses, the prod stage with its method settings and caching, and
# stage variable names. lib/aws/audit/demo-templates.test.ts audits this directory and the deployed demo: the same
# findings, nothing above info.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_api_gateway_rest_api" "healthy" {
  name        = "healthy"
  description = "Storefront API, CORS done right"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_authorizer" "token" {
  name            = "healthy-token"
  rest_api_id     = aws_api_gateway_rest_api.healthy.id
  type            = "TOKEN"
  identity_source = "method.request.header.Authorization"
  authorizer_uri  = "arn:aws:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/arn:aws:lambda:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:function:healthy-token-authorizer/invocations"

  authorizer_result_ttl_in_seconds = 300
}

resource "aws_api_gateway_authorizer" "request" {
  name            = "healthy-request"
  rest_api_id     = aws_api_gateway_rest_api.healthy.id
  type            = "REQUEST"
  identity_source = "method.request.header.X-Session"
  authorizer_uri  = "arn:aws:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/arn:aws:lambda:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:function:healthy-session-authorizer/invocations"

  authorizer_result_ttl_in_seconds = 0
}

resource "aws_api_gateway_authorizer" "cognito" {
  name            = "healthy-cognito"
  rest_api_id     = aws_api_gateway_rest_api.healthy.id
  type            = "COGNITO_USER_POOLS"
  identity_source = "method.request.header.Authorization"
  provider_arns   = ["arn:aws:cognito-idp:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:userpool/${data.aws_region.current.name}_He4lthy00"]
}

resource "aws_api_gateway_gateway_response" "default_4xx" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  response_type = "DEFAULT_4XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin"  = "'https://shop.example.com'"
    "gatewayresponse.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
  }

  response_templates = {
    "application/json" = "{\"message\":$context.error.messageString}"
  }
}

resource "aws_api_gateway_gateway_response" "default_5xx" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  response_type = "DEFAULT_5XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin"  = "'https://shop.example.com'"
    "gatewayresponse.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
  }

  response_templates = {
    "application/json" = "{\"message\":$context.error.messageString}"
  }
}
