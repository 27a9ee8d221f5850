/**
 * AWS::ApiGateway::Method's RequestValidatorId fills the raw snapshot's requestValidatorId (GetResources gives it
 * live), so request-validator-on-preflight judges a CloudFormation OPTIONS as it judges a deployed one.
 */
import { describe, expect, it } from "vitest";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { readTemplates } from "@/lib/templates/read-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";

const READERS = { cloudformation: readCloudFormationTemplate };

function template(validator: string): string {
  return `AWSTemplateFormatVersion: 2010-09-09
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: shop }
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, Name: params, ValidateRequestParameters: true }
  Reviews:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: reviews }
  ReviewsOptions:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Reviews
      HttpMethod: OPTIONS
      AuthorizationType: NONE
      ${validator}
      RequestParameters: { method.request.header.X-Review-Token: true }
      Integration: { Type: MOCK }
`;
}

function audit(text: string) {
  const read = readTemplates(memoryFileTree([{ path: "template.yaml", text }]), READERS, { region: "us-east-1" });
  expect(read.errors).toEqual([]);
  return auditTemplateApi(read.apis[0]!, "2026-01-01T00:00:00.000Z");
}

describe("CloudFormation RequestValidatorId", () => {
  it.each(["RequestValidatorId: !Ref Validator", "RequestValidatorId: !GetAtt Validator.RequestValidatorId"])(
    "reads %s as the validator's logical id",
    (line) => {
      const report = audit(template(line));
      const options = report.model.resources.find((r) => r.path === "/reviews")?.methods.find((m) => m.httpMethod === "OPTIONS");
      expect(options?.requestValidatorId).toBe("Validator");
      expect(
        report.findings.filter((f) => f.ruleId === "request-validator-on-preflight").map((f) => [f.target.path, f.target.httpMethod]),
      ).toEqual([["/reviews", "OPTIONS"]]);
    },
  );

  it("without RequestValidatorId there is no validator and no finding", () => {
    const report = audit(template(""));
    expect(report.model.resources.find((r) => r.path === "/reviews")?.methods[0]?.requestValidatorId).toBeUndefined();
    expect(report.findings.some((f) => f.ruleId === "request-validator-on-preflight")).toBe(false);
  });
});
