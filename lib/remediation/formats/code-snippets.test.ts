import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderCdk } from "@/lib/remediation/formats/cdk";
import { renderAuthorizerNode } from "@/lib/remediation/formats/authorizer-node";
import { renderAuthorizerPython } from "@/lib/remediation/formats/authorizer-python";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";
import { finding } from "@/lib/remediation/testing/fixtures";

// Generated code is checked inside the project so aws-cdk-lib and @types/aws-lambda resolve from node_modules.
const root = resolve(__dirname, "../../..");
mkdirSync(join(root, "test-output"), { recursive: true });
const dir = mkdtempSync(join(root, "test-output", "remediation-code-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { plan } = fixturePlan();
const cdk = renderCdk(plan);
const node = renderAuthorizerNode(plan);
const python = renderAuthorizerPython(plan);

const CDK_APP = `
import { App, Stack, aws_apigateway as apigateway, aws_lambda as lambda } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { applyPreflightFixes, ordersTokenAuthorizerProps, prodMethodOptions } from "./fix";

const app = new App();
const stack = new Stack(app, "Storefront");
const api = new apigateway.RestApi(stack, "Api", { deployOptions: { stageName: "prod", methodOptions: prodMethodOptions } });
const fn = lambda.Function.fromFunctionArn(stack, "AuthFn", "arn:aws:lambda:eu-west-1:123456789012:function:orders-authorizer");
const authorizer = new apigateway.TokenAuthorizer(stack, "Auth", { handler: fn, ...ordersTokenAuthorizerProps });
const order = api.root.resourceForPath("/orders/{id}");
order.addMethod("GET", new apigateway.MockIntegration(), { authorizer });
order.addMethod("OPTIONS", new apigateway.MockIntegration(), { authorizer, apiKeyRequired: true });
api.root.resourceForPath("/health").addMethod("GET", new apigateway.MockIntegration({ integrationResponses: [{ statusCode: "200", responseTemplates: { "application/json": '{"ok":true}' } }] }), { methodResponses: [{ statusCode: "200" }] });
api.root.resourceForPath("/health").addMethod("OPTIONS", new apigateway.MockIntegration({ integrationResponses: [{ statusCode: "200" }] }), { methodResponses: [{ statusCode: "200" }] });
api.root.resourceForPath("/products").addMethod("GET", new apigateway.MockIntegration());
// prod's canary, set the only way a CDK app can (the Stage construct has no canary option): the fix must drop it.
(api.deploymentStage.node.defaultChild as apigateway.CfnStage).canarySetting = { deploymentId: "dep003", percentTraffic: 10 };
applyPreflightFixes(api);
process.stdout.write(JSON.stringify(Template.fromStack(stack).toJSON()));
`;

describe("CDK and Node.js authorizer snippets", () => {
  it("type-check with tsc against aws-cdk-lib and @types/aws-lambda", () => {
    expect(node).toBeDefined();
    writeFileSync(join(dir, "fix.ts"), cdk.content);
    writeFileSync(join(dir, "app.ts"), CDK_APP);
    writeFileSync(join(dir, "authorizer.js"), node!.content);
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
          allowJs: true,
          checkJs: true,
          types: ["node"],
          esModuleInterop: true,
        },
        files: ["fix.ts", "app.ts", "authorizer.js"],
      }),
    );
    const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);

  it("the CDK snippet, applied to an app like the audited API, synthesizes the fixes", () => {
    writeFileSync(join(dir, "fix.ts"), cdk.content);
    writeFileSync(join(dir, "app.ts"), CDK_APP);
    const output = execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(dir, "app.ts")], {
      encoding: "utf8",
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const template = JSON.parse(output) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const resources = Object.values(template.Resources);
    const methods = resources.filter((resource) => resource.Type === "AWS::ApiGateway::Method");
    const options = methods.filter((method) => method.Properties.HttpMethod === "OPTIONS");
    expect(options).toHaveLength(3);
    for (const method of options) {
      expect(method.Properties.AuthorizationType).toBe("NONE");
      expect(method.Properties).not.toHaveProperty("AuthorizerId");
    }
    const ordersOptions = options.find(
      (method) =>
        (method.Properties.Integration as { RequestTemplates?: unknown }).RequestTemplates &&
        method.Properties.ApiKeyRequired === false &&
        JSON.stringify(method).includes("X-Api-Key"),
    );
    expect(ordersOptions?.Properties.Integration).toMatchObject({ Type: "MOCK" });
    const get = methods.find((method) => method.Properties.HttpMethod === "GET" && method.Properties.AuthorizationType === "CUSTOM");
    expect(get?.Properties.Integration).toMatchObject({
      CacheKeyParameters: ["method.request.path.id", "method.request.header.Authorization"],
    });
    expect(
      resources
        .filter((resource) => resource.Type === "AWS::ApiGateway::GatewayResponse")
        .map((resource) => resource.Properties.ResponseType)
        .sort(),
    ).toEqual(["DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED"]);
    // GET /health returns the origin on its actual response and keeps the app's own body template.
    const health = methods.find(
      (method) =>
        method.Properties.HttpMethod === "GET" &&
        method.Properties.AuthorizationType === "NONE" &&
        JSON.stringify(method).includes('{\\"ok\\":true}'),
    );
    expect(health?.Properties.MethodResponses).toEqual([
      { StatusCode: "200", ResponseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
    ]);
    expect(health?.Properties.Integration).toMatchObject({
      IntegrationResponses: [
        {
          StatusCode: "200",
          ResponseTemplates: { "application/json": '{"ok":true}' },
          ResponseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://old.example.com'" },
        },
      ],
    });
    expect(resources.find((resource) => resource.Type === "AWS::ApiGateway::Authorizer")?.Properties.AuthorizerResultTtlInSeconds).toBe(0);
    // The canary that serves the canary-only finding is gone from prod's stage (remove-stage-canary).
    expect(resources.filter((resource) => resource.Type === "AWS::ApiGateway::Stage")).toHaveLength(1);
    expect(resources.find((resource) => resource.Type === "AWS::ApiGateway::Stage")?.Properties).not.toHaveProperty("CanarySetting");
    expect(resources.find((resource) => resource.Type === "AWS::ApiGateway::Stage")?.Properties.MethodSettings).toContainEqual(
      expect.objectContaining({
        ResourcePath: "/~1orders~1{id}",
        HttpMethod: "GET",
        CachingEnabled: false,
        CacheTtlInSeconds: 60,
        CacheDataEncrypted: true,
      }),
    );
  }, 120_000);

  it("the Node.js authorizer returns a stage-wide policy, lets credential-less preflights through, and fails closed", async () => {
    writeFileSync(join(dir, "authorizer.cjs"), node!.content);
    const script = `
      const a = require(${JSON.stringify(join(dir, "authorizer.cjs"))});
      (async () => {
        const out = { wide: a.stageWideResource("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders/7") };
        out.options = await a.sessionAuthorizerHandler({ type: "REQUEST", httpMethod: "OPTIONS", methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/OPTIONS/orders/7", headers: {} });
        out.token = await a.ordersTokenAuthorizerHandler({ type: "TOKEN", authorizationToken: "x", methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders/7" }).then(() => "allowed", (e) => e.message);
        console.log(JSON.stringify(out));
      })();`;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as {
      wide: string;
      options: { policyDocument: { Statement: Array<{ Effect: string; Resource: string }> } };
      token: string;
    };
    expect(out.wide).toBe("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*");
    expect(out.options.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Allow", Resource: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/OPTIONS/*" },
    ]);
    expect(out.token).toContain("REPLACE_ME");
  });

  it("the Python authorizer compiles and behaves the same", () => {
    expect(python).toBeDefined();
    const file = join(dir, `${python!.filename}`);
    writeFileSync(file, python!.content);
    execFileSync("python3", ["-m", "py_compile", file]);
    const script = [
      "import importlib.util, json, sys",
      `spec = importlib.util.spec_from_file_location("authz", ${JSON.stringify(file)})`,
      "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)",
      "arn = 'arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/OPTIONS/orders/7'",
      "out = {'wide': m.stage_wide_resource(arn), 'options': m.session_authorizer_handler({'httpMethod': 'OPTIONS', 'methodArn': arn}, None)}",
      "try:\n    m.orders_token_authorizer_handler({'authorizationToken': 'x', 'methodArn': arn}, None)\n    out['token'] = 'allowed'\nexcept NotImplementedError as e:\n    out['token'] = str(e)",
      "print(json.dumps(out))",
    ].join("\n");
    const out = JSON.parse(execFileSync("python3", ["-c", script], { encoding: "utf8" })) as {
      wide: string;
      options: { policyDocument: { Statement: Array<{ Resource: string }> } };
      token: string;
    };
    expect(out.wide).toBe("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*");
    expect(out.options.policyDocument.Statement[0]?.Resource).toBe("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/OPTIONS/*");
    expect(out.token).toContain("REPLACE_ME");
  });

  it("authorizer code is only rendered when an intent concerns it", () => {
    const { plan: noAuth } = fixturePlan({
      findings: [
        finding("a", [
          { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false },
        ]),
      ],
    });
    expect(renderAuthorizerNode(noAuth)).toBeUndefined();
    expect(renderAuthorizerPython(noAuth)).toBeUndefined();
  });
});
