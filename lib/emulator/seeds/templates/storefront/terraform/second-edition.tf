# The second edition's plantings (lib/emulator/seeds/storefront-second-edition.ts): a comma-list origin on OPTIONS
# /newsletter, the request validator and required header on OPTIONS /reviews, GET /wishlist behind the REQUEST
# authorizer keyed on the route only, and GET /catalog and /catalog/{category}, cached on prod (stages.tf).

resource "aws_api_gateway_authorizer" "route" {
  name            = "storefront-route"
  rest_api_id     = aws_api_gateway_rest_api.storefront.id
  type            = "REQUEST"
  identity_source = "context.httpMethod,context.resourcePath"
  authorizer_uri  = "arn:aws:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/arn:aws:lambda:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:function:storefront-route-authorizer/invocations"
}

resource "aws_api_gateway_request_validator" "reviews" {
  name                        = "sfval01"
  rest_api_id                 = aws_api_gateway_rest_api.storefront.id
  validate_request_parameters = true
}

resource "aws_api_gateway_resource" "newsletter" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "newsletter"
}

resource "aws_api_gateway_resource" "reviews" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "reviews"
}

resource "aws_api_gateway_resource" "wishlist" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "wishlist"
}

resource "aws_api_gateway_resource" "catalog" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_rest_api.storefront.root_resource_id
  path_part   = "catalog"
}

resource "aws_api_gateway_resource" "catalog_category" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  parent_id   = aws_api_gateway_resource.catalog.id
  path_part   = "{category}"
}

# Browsers accept exactly one origin in Access-Control-Allow-Origin: the comma list is refused.

resource "aws_api_gateway_method" "newsletter_post" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.newsletter.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "newsletter_post" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_post.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "newsletter_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_post.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "newsletter_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_post.http_method
  status_code = aws_api_gateway_method_response.newsletter_post_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"subscribed\":true}"
  }

  depends_on = [aws_api_gateway_integration.newsletter_post]
}

resource "aws_api_gateway_method" "newsletter_options" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.newsletter.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "newsletter_options" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "newsletter_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_options.http_method
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

resource "aws_api_gateway_integration_response" "newsletter_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.newsletter.id
  http_method = aws_api_gateway_method.newsletter_options.http_method
  status_code = aws_api_gateway_method_response.newsletter_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type'"
    "method.response.header.Access-Control-Allow-Methods" = "'POST,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'https://shop.example.com,https://m.shop.example.com'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.newsletter_options]
}

# A module that puts the validator and the real method's required header on every method, OPTIONS included.

resource "aws_api_gateway_method" "reviews_post" {
  rest_api_id          = aws_api_gateway_rest_api.storefront.id
  resource_id          = aws_api_gateway_resource.reviews.id
  http_method          = "POST"
  authorization        = "NONE"
  request_validator_id = aws_api_gateway_request_validator.reviews.id

  request_parameters = {
    "method.request.header.X-Review-Token" = "true"
  }
}

resource "aws_api_gateway_integration" "reviews_post" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_post.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "reviews_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_post.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "reviews_post_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_post.http_method
  status_code = aws_api_gateway_method_response.reviews_post_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"reviewed\":true}"
  }

  depends_on = [aws_api_gateway_integration.reviews_post]
}

resource "aws_api_gateway_method" "reviews_options" {
  rest_api_id          = aws_api_gateway_rest_api.storefront.id
  resource_id          = aws_api_gateway_resource.reviews.id
  http_method          = "OPTIONS"
  authorization        = "NONE"
  request_validator_id = aws_api_gateway_request_validator.reviews.id

  request_parameters = {
    "method.request.header.X-Review-Token" = "true"
  }
}

resource "aws_api_gateway_integration" "reviews_options" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_options.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "reviews_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_options.http_method
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

resource "aws_api_gateway_integration_response" "reviews_options_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.reviews.id
  http_method = aws_api_gateway_method.reviews_options.http_method
  status_code = aws_api_gateway_method_response.reviews_options_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,X-Review-Token'"
    "method.response.header.Access-Control-Allow-Methods" = "'POST,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }

  response_templates = {
    "application/json" = ""
  }

  depends_on = [aws_api_gateway_integration.reviews_options]
}

resource "aws_api_gateway_method" "wishlist_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.wishlist.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.route.id
}

resource "aws_api_gateway_integration" "wishlist_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.wishlist.id
  http_method = aws_api_gateway_method.wishlist_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "wishlist_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.wishlist.id
  http_method = aws_api_gateway_method.wishlist_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "wishlist_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.wishlist.id
  http_method = aws_api_gateway_method.wishlist_get.http_method
  status_code = aws_api_gateway_method_response.wishlist_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"wishlist\":[\"p-1\"]}"
  }

  depends_on = [aws_api_gateway_integration.wishlist_get]
}

resource "aws_api_gateway_method" "catalog_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.catalog.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "catalog_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog.id
  http_method = aws_api_gateway_method.catalog_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "catalog_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog.id
  http_method = aws_api_gateway_method.catalog_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "catalog_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog.id
  http_method = aws_api_gateway_method.catalog_get.http_method
  status_code = aws_api_gateway_method_response.catalog_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"categories\":[\"mugs\",\"plates\"]}"
  }

  depends_on = [aws_api_gateway_integration.catalog_get]
}

resource "aws_api_gateway_method" "catalog_category_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.catalog_category.id
  http_method   = "GET"
  authorization = "NONE"

  request_parameters = {
    "method.request.path.category" = "true"
  }
}

resource "aws_api_gateway_integration" "catalog_category_get" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog_category.id
  http_method = aws_api_gateway_method.catalog_category_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_method_response" "catalog_category_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog_category.id
  http_method = aws_api_gateway_method.catalog_category_get.http_method
  status_code = "200"

  response_models = {
    "application/json" = "Empty"
  }

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "false"
  }
}

resource "aws_api_gateway_integration_response" "catalog_category_get_200" {
  rest_api_id = aws_api_gateway_rest_api.storefront.id
  resource_id = aws_api_gateway_resource.catalog_category.id
  http_method = aws_api_gateway_method.catalog_category_get.http_method
  status_code = aws_api_gateway_method_response.catalog_category_get_200.status_code

  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://shop.example.com'"
  }

  response_templates = {
    "application/json" = "{\"items\":[]}"
  }

  depends_on = [aws_api_gateway_integration.catalog_category_get]
}
