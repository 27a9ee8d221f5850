/**
 * replace-preflight-integration-with-mock as a template patch: a preflight proxied to a Lambda or an HTTP backend
 * becomes API Gateway's own MOCK answer, in CloudFormation (the Method's Integration and MethodResponses) and in
 * OpenAPI (the `options` operation), proven with `git apply` and a re-audit.
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
});
