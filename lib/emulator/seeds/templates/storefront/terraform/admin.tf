resource "aws_api_gateway_method" "admin_proxy_any" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.admin_proxy.id
  http_method   = "ANY"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.token.id

  request_parameters = {
    "method.request.path.proxy" = "true"
  }
}

resource "aws_api_gateway_integration" "admin_proxy_any" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.admin_proxy.id
  http_method = aws_api_gateway_method.admin_proxy_any.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "admin_proxy_any_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.admin_proxy.id
  http_method = aws_api_gateway_method.admin_proxy_any.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "admin_proxy_any_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.admin_proxy.id
  http_method = aws_api_gateway_method.admin_proxy_any.http_method
  status_code = aws_api_gateway_method_response.admin_proxy_any_200.status_code

  response_templates = {
    "application/json" = "{\"admin\":true}"
  }

  depends_on = [aws_api_gateway_integration.admin_proxy_any]
}
