/**
 * The stage-cache intents as template patches (add-cache-key-parameter, set-stage-method-setting): on a CloudFormation
 * template and on the storefront demo's SAM template (DefinitionBody operations, the Api's and a Stage's
 * MethodSettings), the patch applies with real `git apply`, the re-audit no longer has the fixed findings and has no
 * new one, and every line the diff does not remove is the original's, in order.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { provePatch } from "@/lib/remediation/patch/testing/prove-patch";

const work = mkdtempSync(join(tmpdir(), "preflight-cache-patch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CACHE_RULES = ["cache-key-missing-caller-identity", "cache-key-missing-request-parameters", "cache-data-not-encrypted"];
const proveOn = (name: string, text: string) => provePatch(work, name, text, CACHE_RULES);

const CFN = `AWSTemplateFormatVersion: "2010-09-09"
# a cached, authorized GET whose cache key does not name the caller
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Tokens:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: tokens
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
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
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref Tokens
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: '{"statusCode": 200}'
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: OrdersGet
    Properties:
      RestApiId: !Ref Api
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: true
      CacheClusterSize: "0.5"
      MethodSettings:
        - ResourcePath: /~1orders # the cached method
          HttpMethod: GET
          CachingEnabled: true
`;

describe("stage-cache fixes as template patches", () => {
  it("CloudFormation: the Method's RequestParameters and CacheKeyParameters, the Stage's MethodSettings", async () => {
    const { patch, fixed } = await proveOn("cfn", CFN);
    expect(fixed).toContain("cache-key-missing-caller-identity|/orders|GET|prod");
    expect(patch.diff).toContain("+      RequestParameters:\n+        method.request.header.Authorization: false\n");
    expect(patch.diff).toContain("+        CacheKeyParameters:\n+          - method.request.header.Authorization\n");
  });

  it("SAM (storefront demo): DefinitionBody operations get the declared parameter and the cache key", async () => {
    const text = readFileSync(join(process.cwd(), "lib/emulator/seeds/templates/storefront/template.yaml"), "utf8");
    const { patch, fixed } = await proveOn("sam", text);
    expect(fixed).toEqual(
      expect.arrayContaining([
        "cache-key-missing-caller-identity|/products/{id}|GET|prod",
        "cache-key-missing-request-parameters|/catalog/{category}|GET|prod",
      ]),
    );
    expect(patch.diff).toContain("+                  - method.request.header.Authorization\n");
  });

  it("Terraform (storefront demo): cache_key_parameters, request_parameters and the method settings blocks' settings", async () => {
    const dir = join(process.cwd(), "lib/emulator/seeds/templates/storefront/terraform");
    const files = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => file.endsWith(".tf"))
        .map((file) => [`infra/${file}`, readFileSync(join(dir, file), "utf8")]),
    );
    const { patch, fixed } = await provePatch(
      work,
      "tf",
      files,
      ["cache-key-missing-caller-identity", "cache-data-not-encrypted", "cache-invalidation-unauthenticated"],
      "infra",
    );
    expect(fixed).toEqual(
      expect.arrayContaining([
        "cache-key-missing-caller-identity|/products/{id}|GET|prod",
        "cache-data-not-encrypted|/products/{id}|GET|prod",
        "cache-invalidation-unauthenticated|/products/{id}|GET|prod",
      ]),
    );
    expect(patch.diff).toContain('+  cache_key_parameters = ["method.request.path.id", "method.request.header.Authorization"]\n');
    expect(patch.diff).toContain('+    "method.request.header.Authorization" = false\n');
    expect(patch.diff).toContain("+    cache_data_encrypted = true\n");
    expect(patch.diff).toContain("+    require_authorization_for_cache_control = true\n");
  });
});
