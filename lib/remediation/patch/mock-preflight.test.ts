/**
 * replace-preflight-integration-with-mock as a template patch: a preflight proxied to a Lambda or an HTTP backend
 * becomes API Gateway's own MOCK answer, in CloudFormation (the Method's Integration and MethodResponses) and in
 * OpenAPI (the `options` operation) and Terraform (the OPTIONS method's integration and its 200 responses), proven with
 * `git apply` and a re-audit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { provePatch } from "@/lib/remediation/patch/testing/prove-patch";

const work = mkdtempSync(join(tmpdir(), "preflight-mock-patch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const RULES = ["preflight-proxied-to-backend"];

const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations
  # the preflight goes to the same Lambda
  OrdersOptions:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: OPTIONS
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations
`;

const OPENAPI = `swagger: "2.0"
info:
  title: orders
  version: "1"
paths:
  /orders:
    get:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/orders
    options:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: OPTIONS
        uri: https://backend.example.com/orders
`;

describe("a proxied preflight made MOCK in the template", () => {
  it("CloudFormation: the OPTIONS Method gets a MOCK Integration with the CORS headers", async () => {
    const { patch, fixed } = await provePatch(work, "cfn", CFN, RULES);
    expect(fixed).toEqual(["preflight-proxied-to-backend|/orders|OPTIONS|"]);
    expect(patch.diff).toContain("+        Type: MOCK\n");
    expect(patch.diff).toContain("method.response.header.Access-Control-Allow-Origin");
    expect(patch.diff).not.toMatch(/^-.*OrdersGet/m);
  });

  it("OpenAPI: the options operation is replaced by a MOCK preflight", async () => {
    const { patch, fixed } = await provePatch(work, "openapi", OPENAPI, RULES);
    expect(fixed).toEqual(["preflight-proxied-to-backend|/orders|OPTIONS|"]);
    expect(patch.diff).toContain("+        type: mock\n");
    expect(patch.diff).toContain("-        type: http_proxy\n");
  });

  it("Terraform: the OPTIONS integration becomes MOCK in place, and the 200 responses carrying the headers are added", async () => {
    const { patch, fixed } = await provePatch(work, "tf", { "infra/main.tf": TERRAFORM_PROXY }, RULES, "infra");
    expect(fixed).toEqual(["preflight-proxied-to-backend|/orders|OPTIONS|"]);
    const diff = patch.diff;
    expect(diff).toContain('-  type                    = "AWS_PROXY"\n');
    expect(diff).toContain('+  type                    = "MOCK"\n');
    expect(diff).toContain('-  integration_http_method = "POST"\n');
    expect(diff).toContain('+    "application/json" = "{\\"statusCode\\": 200}"\n');
    expect(diff).toContain('+resource "aws_api_gateway_method_response" "orders_options_200" {\n');
    expect(diff).toContain("+  http_method = aws_api_gateway_method.orders_options.http_method\n");
    expect(diff).toContain("+  status_code = aws_api_gateway_method_response.orders_options_200.status_code\n");
    expect(diff).toContain(`+    "method.response.header.Access-Control-Allow-Origin"  = "'*'"\n`);
    expect(diff).toContain('+    "method.response.header.Access-Control-Allow-Headers" = true\n');
    expect(diff).toContain("+  depends_on = [aws_api_gateway_integration.orders_options]\n");
    // GET's Lambda proxy, with the very same arguments, is untouched.
    expect(diff.match(/^-/gm)?.length).toBe(1 + 3); // the "--- a/" header line and three lines of the OPTIONS integration
  });

  it("Terraform: existing 200 responses of the preflight get the headers in their response_parameters", async () => {
    const { patch, fixed } = await provePatch(work, "tf-responses", { "infra/main.tf": TERRAFORM_HTTP_WITH_RESPONSES }, RULES, "infra");
    expect(fixed).toEqual(["preflight-proxied-to-backend|/orders|OPTIONS|"]);
    expect(patch.diff).not.toContain("+resource ");
    expect(patch.diff).toContain('+    "method.response.header.Access-Control-Allow-Methods" = true\n');
    expect(patch.diff).toContain('+  type        = "MOCK"\n');
    expect(patch.diff).toContain('-  uri         = "https://backend.example.com/orders"\n');
  });
});

const LAMBDA_URI =
  "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations";

const TERRAFORM_PROXY = `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.orders_get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "${LAMBDA_URI}"
}

# the preflight goes to the same Lambda
resource "aws_api_gateway_method" "orders_options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_options" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.orders_options.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "${LAMBDA_URI}"
}
`;

const TERRAFORM_HTTP_WITH_RESPONSES = `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.orders_get.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/orders"
}

resource "aws_api_gateway_method" "orders_options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
  type        = "HTTP"
  integration_http_method = "OPTIONS"
  uri         = "https://backend.example.com/orders"
}

resource "aws_api_gateway_method_response" "orders_options_ok" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}

resource "aws_api_gateway_integration_response" "orders_options_ok" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_options.http_method
  status_code = aws_api_gateway_method_response.orders_options_ok.status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'*'"
  }
}
`;
