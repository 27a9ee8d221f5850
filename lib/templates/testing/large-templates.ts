/**
 * The emulator's synthetic large API (lib/emulator/seeds/large-api.ts: `/sN` and `/sN/itemM`, a MOCK GET on
 * each resource, a MOCK CORS OPTIONS on every other one, one `prod` stage) written as a SAM template and as a
 * Terraform configuration, so benchmarks compare auditing the same API from a template and live.
 */

const PER_SECTION = 10;

function paths(resources: number): { path: string; options: boolean }[] {
  return Array.from({ length: resources }, (_, index) => {
    const section = Math.floor(index / PER_SECTION);
    return { path: index % PER_SECTION === 0 ? `/s${section}` : `/s${section}/item${index % PER_SECTION}`, options: index % 2 === 0 };
  });
}

/** A SAM template whose `DefinitionBody` (OpenAPI 3 with API Gateway extensions) defines the API. */
export function largeSamTemplate(resources: number): string {
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    "Transform: AWS::Serverless-2016-10-31",
    "Resources:",
    "  LargeApi:",
    "    Type: AWS::Serverless::Api",
    "    Properties:",
    "      StageName: prod",
    "      DefinitionBody:",
    "        openapi: 3.0.1",
    `        info: { title: large-${resources}, version: '1' }`,
    "        paths:",
  ];
  for (const { path, options } of paths(resources)) {
    lines.push(`          ${path}:`);
    lines.push("            get:");
    lines.push("              responses: { '200': { description: ok } }");
    lines.push("              x-amazon-apigateway-integration:");
    lines.push("                type: mock");
    lines.push("                requestTemplates: { application/json: '{\"statusCode\": 200}' }");
    lines.push("                responses: { default: { statusCode: '200' } }");
    if (options) {
      lines.push("            options:");
      lines.push("              responses:");
      lines.push("                '200':");
      lines.push("                  description: CORS preflight");
      lines.push("                  headers:");
      lines.push("                    Access-Control-Allow-Origin: { schema: { type: string } }");
      lines.push("                    Access-Control-Allow-Methods: { schema: { type: string } }");
      lines.push("                    Access-Control-Allow-Headers: { schema: { type: string } }");
      lines.push("              x-amazon-apigateway-integration:");
      lines.push("                type: mock");
      lines.push("                requestTemplates: { application/json: '{\"statusCode\": 200}' }");
      lines.push("                responses:");
      lines.push("                  default:");
      lines.push("                    statusCode: '200'");
      lines.push("                    responseParameters:");
      lines.push("                      method.response.header.Access-Control-Allow-Origin: \"'*'\"");
      lines.push("                      method.response.header.Access-Control-Allow-Methods: \"'GET,OPTIONS'\"");
      lines.push("                      method.response.header.Access-Control-Allow-Headers: \"'Content-Type,Authorization'\"");
    }
  }
  return `${lines.join("\n")}\n`;
}

function tfName(path: string): string {
  return path.slice(1).replaceAll("/", "_");
}

/**
 * The same API as a Terraform configuration in one directory: `main.tf` with the REST API, deployment and stage,
 * and one file per hundred resources with their methods, integrations and responses (as large modules split
 * their files; the reader caps one file at 2 MiB).
 */
export function largeTerraformConfiguration(resources: number, directory = "large"): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const all = paths(resources);
  for (let start = 0; start < all.length; start += 100)
    files.push({ path: `${directory}/resources-${start / 100}.tf`, text: terraformBlocks(all.slice(start, start + 100)) });
  files.unshift({
    path: `${directory}/main.tf`,
    text: [
      `resource "aws_api_gateway_rest_api" "large" {\n  name = "large-${resources}"\n}\n`,
      `resource "aws_api_gateway_deployment" "large" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n}\n`,
      `resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.large.id\n  deployment_id = aws_api_gateway_deployment.large.id\n  stage_name    = "prod"\n}\n`,
    ].join("\n"),
  });
  return files;
}

function terraformBlocks(items: { path: string; options: boolean }[]): string {
  const blocks: string[] = [];
  for (const { path, options } of items) {
    const name = tfName(path);
    const parts = path.split("/");
    const parent = parts.length === 2 ? "aws_api_gateway_rest_api.large.root_resource_id" : `aws_api_gateway_resource.${parts[1]}.id`;
    blocks.push(
      `resource "aws_api_gateway_resource" "${name}" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n  parent_id   = ${parent}\n  path_part   = "${parts.at(-1)}"\n}\n`,
    );
    const verbs = options ? ["GET", "OPTIONS"] : ["GET"];
    for (const verb of verbs) {
      const id = `${name}_${verb.toLowerCase()}`;
      blocks.push(
        `resource "aws_api_gateway_method" "${id}" {\n  rest_api_id   = aws_api_gateway_rest_api.large.id\n  resource_id   = aws_api_gateway_resource.${name}.id\n  http_method   = "${verb}"\n  authorization = "NONE"\n}\n`,
        `resource "aws_api_gateway_integration" "${id}" {\n  rest_api_id       = aws_api_gateway_rest_api.large.id\n  resource_id       = aws_api_gateway_resource.${name}.id\n  http_method       = aws_api_gateway_method.${id}.http_method\n  type              = "MOCK"\n  request_templates = { "application/json" = "{\\"statusCode\\": 200}" }\n}\n`,
      );
    }
    // The seed's GET answers 200 from a MOCK integration response without CORS headers (ApiBuilder.mockMethod).
    const get = `${name}_get`;
    blocks.push(
      `resource "aws_api_gateway_method_response" "${get}" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n  resource_id = aws_api_gateway_resource.${name}.id\n  http_method = aws_api_gateway_method.${get}.http_method\n  status_code = "200"\n}\n`,
      `resource "aws_api_gateway_integration_response" "${get}" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n  resource_id = aws_api_gateway_resource.${name}.id\n  http_method = aws_api_gateway_method.${get}.http_method\n  status_code = aws_api_gateway_method_response.${get}.status_code\n}\n`,
    );
    if (options) {
      const id = `${name}_options`;
      blocks.push(
        `resource "aws_api_gateway_method_response" "${id}" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n  resource_id = aws_api_gateway_resource.${name}.id\n  http_method = aws_api_gateway_method.${id}.http_method\n  status_code = "200"\n  response_parameters = {\n    "method.response.header.Access-Control-Allow-Origin"  = true\n    "method.response.header.Access-Control-Allow-Methods" = true\n    "method.response.header.Access-Control-Allow-Headers" = true\n  }\n}\n`,
        `resource "aws_api_gateway_integration_response" "${id}" {\n  rest_api_id = aws_api_gateway_rest_api.large.id\n  resource_id = aws_api_gateway_resource.${name}.id\n  http_method = aws_api_gateway_method.${id}.http_method\n  status_code = aws_api_gateway_method_response.${id}.status_code\n  response_parameters = {\n    "method.response.header.Access-Control-Allow-Origin"  = "'*'"\n    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"\n    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization'"\n  }\n}\n`,
      );
    }
  }
  return blocks.join("\n");
}
