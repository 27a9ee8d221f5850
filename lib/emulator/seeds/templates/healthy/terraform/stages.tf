resource "aws_api_gateway_deployment" "prod" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  description = "v12 release"

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
      aws_api_gateway_method.cart_options,
      aws_api_gateway_integration.cart_options,
      aws_api_gateway_integration_response.cart_options_200,
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
      aws_api_gateway_method.admin_proxy_options,
      aws_api_gateway_integration.admin_proxy_options,
      aws_api_gateway_integration_response.admin_proxy_options_200,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.healthy.id
  deployment_id = aws_api_gateway_deployment.prod.id
  stage_name    = "prod"

  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"

  variables = {
    lambdaAlias = "live"
  }
}

resource "aws_api_gateway_method_settings" "prod_all" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled                            = true
    require_authorization_for_cache_control    = true
    unauthorized_cache_control_header_strategy = "FAIL_WITH_403"
  }
}

resource "aws_api_gateway_method_settings" "prod_products_id_get" {
  rest_api_id = aws_api_gateway_rest_api.healthy.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "products/{id}/GET"

  settings {
    caching_enabled      = true
    cache_ttl_in_seconds = 300
    cache_data_encrypted = true
  }
}
