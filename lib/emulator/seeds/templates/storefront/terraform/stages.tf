resource "aws_api_gateway_deployment" "prod" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  description = "v41 release"

  # Redeploy when any method or integration changes.
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.products_get,
      aws_api_gateway_integration.products_get,
      aws_api_gateway_integration_response.products_get_200,
      aws_api_gateway_method.products_options,
      aws_api_gateway_integration.products_options,
      aws_api_gateway_integration_response.products_options_200,
      aws_api_gateway_method.products_id_get,
      aws_api_gateway_integration.products_id_get,
      aws_api_gateway_integration_response.products_id_get_200,
      aws_api_gateway_method.products_id_put,
      aws_api_gateway_integration.products_id_put,
      aws_api_gateway_integration_response.products_id_put_200,
      aws_api_gateway_method.products_id_delete,
      aws_api_gateway_integration.products_id_delete,
      aws_api_gateway_integration_response.products_id_delete_200,
      aws_api_gateway_method.products_id_options,
      aws_api_gateway_integration.products_id_options,
      aws_api_gateway_integration_response.products_id_options_200,
      aws_api_gateway_method.cart_put,
      aws_api_gateway_integration.cart_put,
      aws_api_gateway_integration_response.cart_put_200,
      aws_api_gateway_method.cart_delete,
      aws_api_gateway_integration.cart_delete,
      aws_api_gateway_integration_response.cart_delete_200,
      aws_api_gateway_method.orders_get,
      aws_api_gateway_integration.orders_get,
      aws_api_gateway_integration_response.orders_get_200,
      aws_api_gateway_method.orders_post,
      aws_api_gateway_integration.orders_post,
      aws_api_gateway_integration_response.orders_post_200,
      aws_api_gateway_method.orders_options,
      aws_api_gateway_integration.orders_options,
      aws_api_gateway_integration_response.orders_options_200,
      aws_api_gateway_method.orders_id_get,
      aws_api_gateway_integration.orders_id_get,
      aws_api_gateway_integration_response.orders_id_get_200,
      aws_api_gateway_method.orders_id_options,
      aws_api_gateway_integration.orders_id_options,
      aws_api_gateway_integration_response.orders_id_options_200,
      aws_api_gateway_method.account_get,
      aws_api_gateway_integration.account_get,
      aws_api_gateway_integration_response.account_get_200,
      aws_api_gateway_method.account_options,
      aws_api_gateway_integration.account_options,
      aws_api_gateway_integration_response.account_options_200,
      aws_api_gateway_method.admin_proxy_any,
      aws_api_gateway_integration.admin_proxy_any,
      aws_api_gateway_integration_response.admin_proxy_any_200,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  deployment_id = aws_api_gateway_deployment.prod.id
  stage_name    = "prod"
  description   = "Production"

  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"

  variables = {
    lambdaAlias    = "live"
    backendUrl     = "https://orders.internal.example.com"
    paymentsApiKey = var.payments_api_key_prod
  }
}

resource "aws_api_gateway_method_settings" "prod_all" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled                            = true
    require_authorization_for_cache_control    = false
    unauthorized_cache_control_header_strategy = "SUCCEED_WITHOUT_RESPONSE_HEADER"
  }
}

resource "aws_api_gateway_method_settings" "prod_products_id_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "products/{id}/GET"

  settings {
    caching_enabled      = true
    cache_ttl_in_seconds = 300
  }
}

resource "aws_api_gateway_deployment" "dev" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  description = "fix OPTIONS /orders/{id}"

  # Redeploy when any method or integration changes.
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.products_get,
      aws_api_gateway_integration.products_get,
      aws_api_gateway_integration_response.products_get_200,
      aws_api_gateway_method.products_options,
      aws_api_gateway_integration.products_options,
      aws_api_gateway_integration_response.products_options_200,
      aws_api_gateway_method.products_id_get,
      aws_api_gateway_integration.products_id_get,
      aws_api_gateway_integration_response.products_id_get_200,
      aws_api_gateway_method.products_id_put,
      aws_api_gateway_integration.products_id_put,
      aws_api_gateway_integration_response.products_id_put_200,
      aws_api_gateway_method.products_id_delete,
      aws_api_gateway_integration.products_id_delete,
      aws_api_gateway_integration_response.products_id_delete_200,
      aws_api_gateway_method.products_id_options,
      aws_api_gateway_integration.products_id_options,
      aws_api_gateway_integration_response.products_id_options_200,
      aws_api_gateway_method.cart_put,
      aws_api_gateway_integration.cart_put,
      aws_api_gateway_integration_response.cart_put_200,
      aws_api_gateway_method.cart_delete,
      aws_api_gateway_integration.cart_delete,
      aws_api_gateway_integration_response.cart_delete_200,
      aws_api_gateway_method.orders_get,
      aws_api_gateway_integration.orders_get,
      aws_api_gateway_integration_response.orders_get_200,
      aws_api_gateway_method.orders_post,
      aws_api_gateway_integration.orders_post,
      aws_api_gateway_integration_response.orders_post_200,
      aws_api_gateway_method.orders_options,
      aws_api_gateway_integration.orders_options,
      aws_api_gateway_integration_response.orders_options_200,
      aws_api_gateway_method.orders_id_get,
      aws_api_gateway_integration.orders_id_get,
      aws_api_gateway_integration_response.orders_id_get_200,
      aws_api_gateway_method.orders_id_options,
      aws_api_gateway_integration.orders_id_options,
      aws_api_gateway_integration_response.orders_id_options_200,
      aws_api_gateway_method.account_get,
      aws_api_gateway_integration.account_get,
      aws_api_gateway_integration_response.account_get_200,
      aws_api_gateway_method.account_options,
      aws_api_gateway_integration.account_options,
      aws_api_gateway_integration_response.account_options_200,
      aws_api_gateway_method.admin_proxy_any,
      aws_api_gateway_integration.admin_proxy_any,
      aws_api_gateway_integration_response.admin_proxy_any_200,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  deployment_id = aws_api_gateway_deployment.dev.id
  stage_name    = "dev"
  description   = "Development"

  variables = {
    lambdaAlias    = "dev"
    backendUrl     = "https://orders.dev.internal.example.com"
    paymentsApiKey = var.payments_api_key_dev
    debug          = "true"
  }
}

resource "aws_api_gateway_method_settings" "dev_all" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "*/*"

  settings {
    logging_level          = "INFO"
    data_trace_enabled     = true
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}
