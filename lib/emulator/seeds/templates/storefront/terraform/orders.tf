resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.request.id
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "orders_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "orders_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_get.http_method
  status_code = aws_api_gateway_method_response.orders_get_200.status_code

  response_templates = {
    "application/json" = "{\"orders\":[]}"
  }

  depends_on = [aws_api_gateway_integration.orders_get]
}

resource "aws_api_gateway_method" "orders_post" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "orders_post" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_post.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "orders_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_post.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "orders_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_post.http_method
  status_code = aws_api_gateway_method_response.orders_post_200.status_code

  response_templates = {
    "application/json" = "{\"orderId\":\"o-1\"}"
  }

  depends_on = [aws_api_gateway_integration.orders_post]
}

resource "aws_api_gateway_method" "orders_options" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"

  api_key_required = true
}

resource "aws_api_gateway_integration" "orders_options" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "orders_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
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

resource "aws_api_gateway_integration_response" "orders_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
  status_code = aws_api_gateway_method_response.orders_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,POST,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.orders_options]
}

resource "aws_api_gateway_method" "orders_id_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.orders_id.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "orders_id_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "orders_id_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "orders_id_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_get.http_method
  status_code = aws_api_gateway_method_response.orders_id_get_200.status_code

  response_templates = {
    "application/json" = "{\"orderId\":\"o-1\",\"status\":\"shipped\"}"
  }

  depends_on = [aws_api_gateway_integration.orders_id_get]
}

resource "aws_api_gateway_method" "orders_id_options" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.orders_id.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_id_options" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "orders_id_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_options.http_method
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

resource "aws_api_gateway_integration_response" "orders_id_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.orders_id.id
  http_method = aws_api_gateway_method.orders_id_options.http_method
  status_code = aws_api_gateway_method_response.orders_id_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.orders_id_options]
}
