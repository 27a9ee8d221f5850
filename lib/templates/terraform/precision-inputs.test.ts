import { beforeAll, describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { normalizeApi } from "@/lib/model/normalize";
import type { TemplateApi, TemplateReader } from "@/lib/templates/types";
import { loadTerraformReader } from "./read-terraform";
import { memoryContext } from "./testing/memory-context";

/**
 * Terraform inputs the rules need beyond methods: integration-response mapping templates (a MOCK preflight that echoes
 * the caller's Origin), the REST API's resource policy and binary media types, contentHandling, and a WAF web ACL on
 * the stage. The configurations are written for these tests in the shapes public modules use (the multi-origin
 * template is the one CDK generates for several allowOrigins, and Terraform CORS modules copy).
 */
let read: TemplateReader;
beforeAll(async () => {
  read = await loadTerraformReader();
});

function audit(text: string) {
  const result = read({ path: "main.tf", text }, memoryContext({ "main.tf": text }));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.apis).toHaveLength(1);
  const api = result.apis[0] as TemplateApi;
  const { model } = normalizeApi(api.variants[0]!.snapshot);
  return { api, model, findings: runRules(model).findings, gaps: result.gaps };
}

const API = `
resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
  __EXTRA__
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "put" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "put" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.put.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
}

resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "options" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_method.options.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\\"statusCode\\": 200}" }
  __INTEGRATION__
}

resource "aws_api_gateway_method_response" "options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.options.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = true
    "method.response.header.Access-Control-Allow-Methods" = true
    "method.response.header.Access-Control-Allow-Origin"  = true
  }
}

resource "aws_api_gateway_integration_response" "options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.options.http_method
  status_code = aws_api_gateway_method_response.options.status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type'"
    "method.response.header.Access-Control-Allow-Methods" = "'OPTIONS,PUT'"
  }
  __RESPONSE__
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
`;

function configuration(parts: { extra?: string; integration?: string; response?: string; more?: string } = {}): string {
  return (
    API.replace("__EXTRA__", parts.extra ?? "")
      .replace("__INTEGRATION__", parts.integration ?? "")
      .replace("__RESPONSE__", parts.response ?? "") + (parts.more ?? "")
  );
}

const ECHO_TEMPLATE = `
  response_templates = {
    "application/json" = <<EOF
#set($origin = $input.params("Origin"))
#if($origin == "") #set($origin = $input.params("origin")) #end
#if($origin == "https://a.example.com" || $origin == "https://b.example.com")
  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)
#end
EOF
  }`;

const ruleIds = (findings: Array<{ ruleId: string }>) => findings.map((f) => f.ruleId);

describe("Terraform: a MOCK preflight whose response template echoes the allowed Origin", () => {
  it("is reported missing Access-Control-Allow-Origin without the template (the control case)", () => {
    const { findings } = audit(configuration());
    const incomplete = findings.find((f) => f.ruleId === "preflight-response-incomplete");
    expect(incomplete?.message).toContain("sends no Access-Control-Allow-Origin");
  });

  it("reads response_templates, and the origin set by $context.responseOverride is not missing", () => {
    const { model, findings } = audit(configuration({ response: ECHO_TEMPLATE }));
    const options = model.resources.find((r) => r.path === "/orders")?.methods.find((m) => m.httpMethod === "OPTIONS");
    expect(Object.keys(options?.integration?.integrationResponses[0]?.responseTemplates ?? {})).toEqual(["application/json"]);
    expect(ruleIds(findings)).not.toContain("preflight-response-incomplete");
  });
});

describe("Terraform: inputs the resource policy, binary media and WAF rules need", () => {
  const denyAll = `policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/caller" }
      Action    = "execute-api:Invoke"
      Resource  = "\${aws_api_gateway_rest_api.api.execution_arn}/*"
    }]
  })`;

  it("reads the API's policy argument: an Allow only for a role denies the anonymous preflight", () => {
    const { model, findings } = audit(configuration({ extra: denyAll }));
    expect(model.api.policy).toContain("arn:aws:execute-api:us-east-1:*:aws_api_gateway_rest_api.api/*");
    const finding = findings.find((f) => f.ruleId === "resource-policy-denies-preflight");
    expect(finding?.target.path).toBe("/orders");
    expect(finding?.stages).toEqual(["prod"]);
  });

  it("reads aws_api_gateway_rest_api_policy, and an Allow for everyone on the API's execution ARN lets the preflight through", () => {
    const open = `
resource "aws_api_gateway_rest_api_policy" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "\${aws_api_gateway_rest_api.api.execution_arn}/*" }]
  })
}`;
    const allowed = audit(configuration({ more: open }));
    expect(allowed.model.api.policy).toBeDefined();
    expect(ruleIds(allowed.findings)).not.toContain("resource-policy-denies-preflight");
    const denied = audit(
      configuration({ more: open.replace('Principal = "*"', 'Principal = { AWS = "arn:aws:iam::123456789012:root" }') }),
    );
    expect(ruleIds(denied.findings)).toContain("resource-policy-denies-preflight");
  });

  it("reads binary_media_types and content_handling: */* breaks the MOCK preflight unless it converts to text", () => {
    const binary = `binary_media_types = ["*/*"]`;
    const broken = audit(configuration({ extra: binary, response: ECHO_TEMPLATE }));
    expect(broken.model.api.binaryMediaTypes).toEqual(["*/*"]);
    expect(ruleIds(broken.findings)).toContain("binary-media-breaks-mock-preflight");
    const fixed = audit(configuration({ extra: binary, integration: `content_handling = "CONVERT_TO_TEXT"`, response: ECHO_TEMPLATE }));
    expect(
      fixed.model.resources.find((r) => r.path === "/orders")?.methods.find((m) => m.httpMethod === "OPTIONS")?.integration
        ?.contentHandling,
    ).toBe("CONVERT_TO_TEXT");
    expect(ruleIds(fixed.findings)).not.toContain("binary-media-breaks-mock-preflight");
    const onResponse = audit(configuration({ extra: binary, response: `${ECHO_TEMPLATE}\n  content_handling = "CONVERT_TO_TEXT"` }));
    expect(ruleIds(onResponse.findings)).not.toContain("binary-media-breaks-mock-preflight");
  });

  it("reads an aws_wafv2_web_acl_association on the stage as the stage's web ACL", () => {
    const waf = `
resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}`;
    const { model, findings } = audit(configuration({ more: waf }));
    expect(model.stages.find((s) => s.name === "prod")?.webAclArn).toBe("${aws_wafv2_web_acl.api.arn}");
    const errors = findings.filter((f) => f.ruleId === "error-responses-without-cors");
    expect(errors.some((f) => f.symptom.includes("Stage prod has a WAF web ACL"))).toBe(true);
    const without = audit(configuration());
    expect(without.model.stages[0]?.webAclArn).toBeUndefined();
  });
});
