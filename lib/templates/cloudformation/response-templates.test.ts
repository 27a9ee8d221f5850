/**
 * AWS::ApiGateway::Method IntegrationResponses[].ResponseTemplates reach the model, so a preflight whose template sets
 * Access-Control-Allow-Origin through $context.responseOverride is not reported missing it. The OPTIONS below has the
 * shape aws-cdk-lib's addCorsPreflight synthesizes for several allowOrigins: the first origin mapped statically, the
 * others echoed by the 204 response's template when the caller's Origin is one of them.
 */
import { describe, expect, it } from "vitest";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { readTemplates } from "@/lib/templates/read-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";

const READERS = { cloudformation: readCloudFormationTemplate };

const ECHO = [
  '#set($origin = $input.params().header.get("Origin"))',
  '#if($origin == "") #set($origin = $input.params().header.get("origin")) #end',
  '#if($origin == "https://b.example.com")',
  "  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
  "#end",
].join("\n");

function template(originMapping: string, templates: string): string {
  return `{
  "Resources": {
    "Api": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "orders" } },
    "Orders": { "Type": "AWS::ApiGateway::Resource", "Properties": { "RestApiId": { "Ref": "Api" }, "ParentId": { "Fn::GetAtt": ["Api", "RootResourceId"] }, "PathPart": "orders" } },
    "OrdersPut": { "Type": "AWS::ApiGateway::Method", "Properties": { "RestApiId": { "Ref": "Api" }, "ResourceId": { "Ref": "Orders" }, "HttpMethod": "PUT", "AuthorizationType": "NONE", "Integration": { "Type": "AWS_PROXY", "IntegrationHttpMethod": "POST", "Uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations" } } },
    "OrdersOptions": {
      "Type": "AWS::ApiGateway::Method",
      "Properties": {
        "RestApiId": { "Ref": "Api" }, "ResourceId": { "Ref": "Orders" }, "HttpMethod": "OPTIONS", "AuthorizationType": "NONE",
        "Integration": {
          "Type": "MOCK", "RequestTemplates": { "application/json": "{ statusCode: 200 }" },
          "IntegrationResponses": [{
            "StatusCode": "204",
            "ResponseParameters": {
              "method.response.header.Access-Control-Allow-Headers": "'Content-Type'",
              ${originMapping}
              "method.response.header.Vary": "'Origin'",
              "method.response.header.Access-Control-Allow-Methods": "'OPTIONS,PUT'"
            }${templates}
          }]
        },
        "MethodResponses": [{ "StatusCode": "204", "ResponseParameters": {
          "method.response.header.Access-Control-Allow-Headers": true, "method.response.header.Access-Control-Allow-Origin": true,
          "method.response.header.Vary": true, "method.response.header.Access-Control-Allow-Methods": true } }]
      }
    }
  }
}`;
}

function audit(text: string) {
  const read = readTemplates(memoryFileTree([{ path: "template.json", text }]), READERS, { region: "us-east-1" });
  expect(read.errors).toEqual([]);
  return auditTemplateApi(read.apis[0]!, "2026-01-01T00:00:00.000Z");
}

describe("CloudFormation ResponseTemplates", () => {
  it("keeps the templates in the model, and an origin set by the template is not missing", () => {
    const report = audit(template("", `, "ResponseTemplates": { "application/json": ${JSON.stringify(ECHO)} }`));
    const options = report.model.resources.find((r) => r.path === "/orders")?.methods.find((m) => m.httpMethod === "OPTIONS");
    expect(options?.integration?.integrationResponses[0]?.responseTemplates?.["application/json"]).toContain("responseOverride");
    expect(report.findings.filter((f) => f.ruleId === "preflight-response-incomplete")).toEqual([]);
  });

  it("without the template (and without the static mapping) the preflight is reported missing the origin", () => {
    const report = audit(template("", ""));
    const finding = report.findings.find((f) => f.ruleId === "preflight-response-incomplete");
    expect(finding?.message).toContain("sends no Access-Control-Allow-Origin");
  });
});
