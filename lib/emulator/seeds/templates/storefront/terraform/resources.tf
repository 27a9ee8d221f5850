resource "aws_api_gateway_resource" "products" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "products"
}

resource "aws_api_gateway_resource" "products_id" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_resource.products.id
  path_part   = "{id}"
}

resource "aws_api_gateway_resource" "cart" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "cart"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "orders_id" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{id}"
}

resource "aws_api_gateway_resource" "account" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "account"
}

resource "aws_api_gateway_resource" "admin" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "admin"
}

resource "aws_api_gateway_resource" "admin_proxy" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_resource.admin.id
  path_part   = "{proxy+}"
}
