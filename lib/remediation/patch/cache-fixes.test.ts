/**
 * The stage-cache intents as template patches (add-cache-key-parameter, set-stage-method-setting): on a CloudFormation
 * template and on the storefront demo's SAM template (DefinitionBody operations, the Api's and a Stage's
 * MethodSettings), the patch applies with real `git apply`, the re-audit no longer has the fixed findings and has no
 * new one, and every line the diff does not remove is the original's, in order.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import type { Finding } from "@/lib/rules/types";

const work = mkdtempSync(join(tmpdir(), "preflight-cache-patch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CACHE_RULES = ["cache-key-missing-caller-identity", "cache-key-missing-request-parameters", "cache-data-not-encrypted"];
const keyOf = (f: Finding) => [f.ruleId, f.target.path ?? "", f.target.httpMethod ?? "", f.target.stage ?? ""].join("|");

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

async function auditDir(dir: string) {
  const tree = diskFileTree(["template.yaml"], dir);
  if (!tree.ok) throw new Error(tree.message);
  const audited = await auditTemplates(tree.tree, { region: "us-east-1" });
  expect(audited.errors).toEqual([]);
  return audited.reports;
}

async function proveOn(name: string, text: string) {
  const dir = mkdtempSync(join(work, `${name}-`));
  writeFileSync(join(dir, "template.yaml"), text);
  const before = await auditDir(dir);
  const inputs = before
    .map((report) => ({ report, findings: report.findings.filter((f) => CACHE_RULES.includes(f.ruleId)) }))
    .filter((input) => input.findings.length > 0);
  expect(inputs.length).toBeGreaterThan(0);
  const patch = buildTemplatePatch(inputs, (file) => (file === "template.yaml" ? text : undefined));
  writeFileSync(join(dir, "fix.patch"), patch.text);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["apply", "fix.patch"], { cwd: dir });
  const applied = readFileSync(join(dir, "template.yaml"), "utf8");
  expect(applied).toBe(patch.patched.get("template.yaml"));

  const removed = new Set<number>();
  let oldLine = 0;
  for (const line of patch.diff.split("\n")) {
    const hunk = /^@@ -(\d+)/.exec(line);
    if (hunk) oldLine = Number(hunk[1]);
    else if (line.startsWith("-") && !line.startsWith("---")) removed.add(oldLine++);
    else if (line.startsWith(" ")) oldLine++;
  }
  const after = applied.split("\n");
  let cursor = 0;
  text.split("\n").forEach((line, index) => {
    if (removed.has(index + 1)) return;
    while (cursor < after.length && after[cursor] !== line) cursor++;
    expect(cursor, `kept line ${JSON.stringify(line)}`).toBeLessThan(after.length);
    cursor++;
  });

  const again = await auditDir(dir);
  const beforeKeys = new Set(before.flatMap((r) => r.findings.map(keyOf)));
  const afterKeys = new Set(again.flatMap((r) => r.findings.map(keyOf)));
  for (const finding of patch.fixed) expect(afterKeys.has(keyOf(finding)), keyOf(finding)).toBe(false);
  expect([...afterKeys].filter((key) => !beforeKeys.has(key))).toEqual([]);
  return { patch, fixed: patch.fixed.map(keyOf) };
}

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
});
