resource "aws_api_gateway_method" "cart_put" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "PUT"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "cart_put" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "cart_put_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "cart_put_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  status_code = aws_api_gateway_method_response.cart_put_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"cart\":\"saved\"}"
  }

  depends_on = [aws_api_gateway_integration.cart_put]
}

resource "aws_api_gateway_method" "cart_delete" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "DELETE"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "cart_delete" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "cart_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "cart_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  status_code = aws_api_gateway_method_response.cart_delete_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"cart\":\"emptied\"}"
  }

  depends_on = [aws_api_gateway_integration.cart_delete]
}

resource "aws_api_gateway_method" "cart_options" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "cart_options" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "cart_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_options.http_method
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

resource "aws_api_gateway_integration_response" "cart_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_options.http_method
  status_code = aws_api_gateway_method_response.cart_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'PUT,DELETE,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.cart_options]
}
