resource "aws_api_gateway_method" "account_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.account.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_integration" "account_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "account_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_get.http_method
  status_code = "200"

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = false
  }

  response_models = {
    "application/json" = "Empty"
  }
}

# The seed's draft fix (the planted "undeployed-cors-fix"): neither stage serves it yet.
resource "aws_api_gateway_integration_response" "account_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_get.http_method
  status_code = aws_api_gateway_method_response.account_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'*'"
  }

  response_templates = {
    "application/json" = "{\"email\":\"jane@example.com\"}"
  }

  depends_on = [aws_api_gateway_integration.account_get]
}

resource "aws_api_gateway_method" "account_options" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.account.id
  http_method   = "OPTIONS"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_integration" "account_options" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "account_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_options.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "false"
    "method.response.header.Access-Control-Allow-Methods" = "false"
    "method.response.header.Access-Control-Allow-Origin"  = "false"
  }
}

resource "aws_api_gateway_integration_response" "account_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.account.id
  http_method = aws_api_gateway_method.account_options.http_method
  status_code = aws_api_gateway_method_response.account_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.account_options]
}
