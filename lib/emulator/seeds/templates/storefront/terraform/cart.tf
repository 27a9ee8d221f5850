resource "aws_api_gateway_method" "cart_put" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "PUT"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "cart_put" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "cart_put_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "cart_put_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_put.http_method
  status_code = aws_api_gateway_method_response.cart_put_200.status_code

  response_templates = {
    "application/json" = "{\"cart\":\"saved\"}"
  }

  depends_on = [aws_api_gateway_integration.cart_put]
}

resource "aws_api_gateway_method" "cart_delete" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "DELETE"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

resource "aws_api_gateway_integration" "cart_delete" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "cart_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "cart_delete_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.cart.id
  http_method = aws_api_gateway_method.cart_delete.http_method
  status_code = aws_api_gateway_method_response.cart_delete_200.status_code

  response_templates = {
    "application/json" = "{\"cart\":\"emptied\"}"
  }

  depends_on = [aws_api_gateway_integration.cart_delete]
}
