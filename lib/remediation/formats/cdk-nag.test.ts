import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCdk } from "@/lib/remediation/formats/cdk";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";

/**
 * The CDK snippet's cdk-nag acknowledgement, checked with the installed aws-cdk-lib and cdk-nag: compiled with tsc, then
 * applied to an app like the audited API and validated in a child process by the AwsSolutions pack. The same app with
 * the acknowledgement lines removed is the control, so the test fails if the acknowledgement stops working.
 */
const root = resolve(__dirname, "../../..");
mkdirSync(join(root, "test-output"), { recursive: true });
const dir = mkdtempSync(join(root, "test-output", "remediation-cdk-nag-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { plan } = fixturePlan();
const cdk = renderCdk(plan);
// The control: the same snippet without its acknowledgement (the v2 comment and the v3 call).
const unacknowledged = cdk.content
  .split("\n")
  .filter((line) => !line.includes("AwsSolutions-APIG4"))
  .join("\n");

const APP = `
import { App, Stack, aws_apigateway as apigateway, aws_lambda as lambda } from "aws-cdk-lib";
import { AwsSolutionsChecks, HIPAASecurityChecks } from "cdk-nag";
import * as acknowledged from "./fix";
import * as control from "./fix-control";

function build(fixes: typeof acknowledged) {
  const app = new App();
  const stack = new Stack(app, "Storefront");
  const api = new apigateway.RestApi(stack, "Api", {
    // The stage-wide entry a cache-everything peer asks for, next to the fix's per-method entries.
    deployOptions: { stageName: "prod", methodOptions: { "/*/*": { cachingEnabled: true, cacheDataEncrypted: true }, ...fixes.prodMethodOptions } },
  });
  const fn = lambda.Function.fromFunctionArn(stack, "AuthFn", "arn:aws:lambda:eu-west-1:123456789012:function:orders-authorizer");
  const authorizer = new apigateway.TokenAuthorizer(stack, "Auth", { handler: fn, ...fixes.ordersTokenAuthorizerProps });
  const order = api.root.resourceForPath("/orders/{id}");
  order.addMethod("GET", new apigateway.MockIntegration(), { authorizer });
  order.addMethod("OPTIONS", new apigateway.MockIntegration(), { authorizer, apiKeyRequired: true });
  api.root.resourceForPath("/health").addMethod("GET", new apigateway.MockIntegration({ integrationResponses: [{ statusCode: "200" }] }), { methodResponses: [{ statusCode: "200" }] });
  api.root.resourceForPath("/health").addMethod("OPTIONS", new apigateway.MockIntegration({ integrationResponses: [{ statusCode: "200" }] }), { methodResponses: [{ statusCode: "200" }] });
  api.root.resourceForPath("/products").addMethod("GET", new apigateway.MockIntegration());
  fixes.applyPreflightFixes(api);
  const findings: Record<string, string[]> = {};
  for (const pack of [new AwsSolutionsChecks(app), new HIPAASecurityChecks(app)]) {
    for (const violation of pack.validateScope(app).violations) {
      findings[violation.ruleName] = violation.violatingResources.map((r) => r.constructPath ?? "").sort();
    }
  }
  return findings;
}

process.stdout.write(JSON.stringify({ acknowledged: build(acknowledged), control: build(control) }));
`;

type Findings = Record<string, string[]>;
let result: { acknowledged: Findings; control: Findings };

beforeAll(() => {
  writeFileSync(join(dir, "fix.ts"), cdk.content);
  writeFileSync(join(dir, "fix-control.ts"), unacknowledged);
  writeFileSync(join(dir, "app.ts"), APP);
});

describe("CDK snippet and cdk-nag", () => {
  it("acknowledges AwsSolutions-APIG4 with cdk-nag 3's Validations API, the v2 NagSuppressions form in a comment", () => {
    expect(cdk.content).toContain('import { Duration, Validations, aws_apigateway as apigateway } from "aws-cdk-lib";');
    expect(cdk.content).toMatch(/Validations\.of\(\w+\)\.acknowledge\(\{ id: "AwsSolutions-APIG4", reason: "CORS preflight: /);
    expect(cdk.content).toMatch(
      /\/\/ cdk-nag 2: NagSuppressions\.addResourceSuppressions\(\w+, \[\{ id: "AwsSolutions-APIG4", reason: ".*" \}\], true\);/,
    );
    // cdk-nag 3 no longer reads the cdk_nag metadata the previous snippet wrote.
    expect(cdk.content).not.toContain('addMetadata("cdk_nag"');
  });

  it("compiles with tsc against the installed aws-cdk-lib and cdk-nag", () => {
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "commonjs",
          moduleResolution: "node",
          skipLibCheck: true,
          types: ["node"],
          esModuleInterop: true,
        },
        files: ["fix.ts", "fix-control.ts", "app.ts"],
      }),
    );
    const run = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 180_000);

  it("synthesised with the AwsSolutions pack, the acknowledged preflight is not reported and everything else still is", () => {
    const output = execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(dir, "app.ts")], {
      encoding: "utf8",
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    result = JSON.parse(output) as typeof result;
    const apig4 = (findings: Findings) => findings["AwsSolutions-APIG4"] ?? [];
    const ordersOptions = "Storefront/Api/Default/orders/{id}/OPTIONS/Resource";
    // Control: the OPTIONS the fix opens (200 MOCK, authorization NONE) is what APIG4 reports.
    expect(apig4(result.control)).toContain(ordersOptions);
    // A new preflight from addCorsPreflight answers 204 with CORS headers, which APIG4 exempts even unacknowledged.
    expect(apig4(result.control)).not.toContain("Storefront/Api/Default/products/OPTIONS/Resource");
    // With the acknowledgement it is not, while the unrelated open GET /products still is.
    expect(apig4(result.acknowledged)).not.toContain(ordersOptions);
    expect(apig4(result.acknowledged)).toContain("Storefront/Api/Default/products/GET/Resource");
    // Only APIG4, and only on that method, changed: the other rules keep firing as before.
    const others = (findings: Findings) => Object.fromEntries(Object.entries(findings).filter(([rule]) => rule !== "AwsSolutions-APIG4"));
    expect(others(result.acknowledged)).toEqual(others(result.control));
    expect(Object.keys(result.acknowledged)).toEqual(
      expect.arrayContaining(["AwsSolutions-APIG1", "AwsSolutions-APIG2", "AwsSolutions-APIG3"]),
    );
    expect(apig4(result.control).filter((path) => !apig4(result.acknowledged).includes(path))).toEqual([ordersOptions]);
  }, 180_000);

  it("the per-method cache-off fix does not trip the cache-enabled-and-encrypted peer, which checks only the stage-wide /*/* entry", () => {
    // Measured above with HIPAA.Security (the same APIGWCacheEnabledAndEncrypted rule as the NIST and PCI packs):
    // the fix turns caching off for GET /orders/{id} only, so no cache acknowledgement is needed in CDK.
    expect(cdk.content).toContain('"/orders/{id}/GET": { cachingEnabled: false');
    expect(result.acknowledged["HIPAA.Security-APIGWCacheEnabledAndEncrypted"]).toBeUndefined();
  });
});
