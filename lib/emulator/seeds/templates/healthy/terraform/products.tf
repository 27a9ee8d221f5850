resource "aws_api_gateway_method" "products_get" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "products_get" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_get_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "products_get_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_get.http_method
  status_code = aws_api_gateway_method_response.products_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"products\":[]}"
  }

  depends_on = [aws_api_gateway_integration.products_get]
}

resource "aws_api_gateway_method" "products_options" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "products_options" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_options.http_method
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

resource "aws_api_gateway_integration_response" "products_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products.id
  http_method = aws_api_gateway_method.products_options.http_method
  status_code = aws_api_gateway_method_response.products_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.products_options]
}

resource "aws_api_gateway_method" "products_id_get" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products_id.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id

  request_parameters = {
    "method.request.path.id"              = "true"
    "method.request.header.Authorization" = "true"
  }
}

resource "aws_api_gateway_integration" "products_id_get" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_get.http_method
  type        = "MOCK"

  cache_key_parameters = ["method.request.path.id", "method.request.header.Authorization"]

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_id_get_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "products_id_get_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_get.http_method
  status_code = aws_api_gateway_method_response.products_id_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"id\":\"p-1\"}"
  }

  depends_on = [aws_api_gateway_integration.products_id_get]
}

resource "aws_api_gateway_method" "products_id_put" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products_id.id
  http_method   = "PUT"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "products_id_put" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_put.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_id_put_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_put.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "products_id_put_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_put.http_method
  status_code = aws_api_gateway_method_response.products_id_put_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"updated\":true}"
  }

  depends_on = [aws_api_gateway_integration.products_id_put]
}

resource "aws_api_gateway_method" "products_id_delete" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products_id.id
  http_method   = "DELETE"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "products_id_delete" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_delete.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_id_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_delete.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "products_id_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_delete.http_method
  status_code = aws_api_gateway_method_response.products_id_delete_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"deleted\":true}"
  }

  depends_on = [aws_api_gateway_integration.products_id_delete]
}

resource "aws_api_gateway_method" "products_id_options" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  resource_id   = aws_api_gateway_resource.products_id.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "products_id_options" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "products_id_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_options.http_method
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

resource "aws_api_gateway_integration_response" "products_id_options_200" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  resource_id = aws_api_gateway_resource.products_id.id
  http_method = aws_api_gateway_method.products_id_options.http_method
  status_code = aws_api_gateway_method_response.products_id_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,PUT,DELETE,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.products_id_options]
}
