/** Test support: a generated Terraform configuration of `count` resources, each with a GET behind an authorizer and a MOCK OPTIONS. */
export function generatedConfiguration(count: number): string {
  const blocks = [
    'resource "aws_api_gateway_rest_api" "big" { name = "big" }',
    'resource "aws_api_gateway_authorizer" "auth" {\n  rest_api_id = aws_api_gateway_rest_api.big.id\n  name        = "auth"\n  type        = "REQUEST"\n  authorizer_uri = var.authorizer_uri\n}',
    'variable "authorizer_uri" { default = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:auth/invocations" }',
  ];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? "aws_api_gateway_rest_api.big.root_resource_id" : `aws_api_gateway_resource.r${Math.floor((i - 1) / 10)}.id`;
    blocks.push(`resource "aws_api_gateway_resource" "r${i}" {
  rest_api_id = aws_api_gateway_rest_api.big.id
  parent_id   = ${parent}
  path_part   = "p${i}"
}
resource "aws_api_gateway_method" "get${i}" {
  rest_api_id   = aws_api_gateway_rest_api.big.id
  resource_id   = aws_api_gateway_resource.r${i}.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.auth.id
}
resource "aws_api_gateway_method" "options${i}" {
  rest_api_id   = aws_api_gateway_rest_api.big.id
  resource_id   = aws_api_gateway_resource.r${i}.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "options${i}" {
  rest_api_id = aws_api_gateway_rest_api.big.id
  resource_id = aws_api_gateway_resource.r${i}.id
  http_method = aws_api_gateway_method.options${i}.http_method
  type        = "MOCK"
  request_templates = { "application/json" = "{\\"statusCode\\": 200}" }
}
resource "aws_api_gateway_method_response" "options${i}" {
  rest_api_id = aws_api_gateway_rest_api.big.id
  resource_id = aws_api_gateway_resource.r${i}.id
  http_method = aws_api_gateway_method.options${i}.http_method
  status_code = "200"
  response_parameters = { "method.response.header.Access-Control-Allow-Origin" = true }
}
resource "aws_api_gateway_integration_response" "options${i}" {
  rest_api_id = aws_api_gateway_rest_api.big.id
  resource_id = aws_api_gateway_resource.r${i}.id
  http_method = aws_api_gateway_method.options${i}.http_method
  status_code = aws_api_gateway_method_response.options${i}.status_code
  response_parameters = { "method.response.header.Access-Control-Allow-Origin" = "'*'" }
}`);
  }
  return blocks.join("\n\n") + "\n";
}
