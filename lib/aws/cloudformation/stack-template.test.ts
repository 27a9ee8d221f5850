import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CloudFormationClient, DescribeStackResourcesCommand, GetTemplateCommand } from "@aws-sdk/client-cloudformation";
import { DENIED_ACCOUNT_ID, STOREFRONT_API_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { stacksOf } from "@/lib/emulator/cloudformation/stacks";
import { STOREFRONT_TEMPLATE_PATH } from "@/lib/emulator/seeds/storefront-stack";
import { readStackTemplate } from "@/lib/aws/cloudformation/stack-template";
import { cloudFormationEndpointFor } from "@/lib/aws/cloudformation/stack-endpoint";
import { emulatorConnection } from "@/lib/aws/testing/emulator-connection";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => emu.reset());

const STACK = { stackName: "storefront-api", logicalId: "StorefrontApi" };
const sdk = (accessKeyId = "AKIAPREFLIGHTDEMO000") =>
  new CloudFormationClient({
    region: "us-east-1",
    endpoint: emu.url,
    credentials: { accessKeyId, secretAccessKey: "test-secret-not-real" },
    maxAttempts: 1,
  });

describe("the emulator's CloudFormation, through the real SDK (Query protocol, XML)", () => {
  it("GetTemplate Original answers the storefront SAM template byte for byte", async () => {
    const out = await sdk().send(new GetTemplateCommand({ StackName: "storefront-api", TemplateStage: "Original" }));
    expect(out.TemplateBody).toBe(readFileSync(STOREFRONT_TEMPLATE_PATH, "utf8"));
    expect(out.StagesAvailable).toEqual(["Original"]);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(emu.requestLog.entries().map((e) => [e.operation, e.status])).toEqual([["GetTemplate", 200]]);
  });

  it("DescribeStackResources maps logical ids to physical ids, by stack name or by a physical id, filtered by logical id", async () => {
    const all = await sdk().send(new DescribeStackResourcesCommand({ StackName: "storefront-api" }));
    const pairs = (all.StackResources ?? []).map((r) => [r.LogicalResourceId, r.PhysicalResourceId, r.ResourceType]);
    expect(pairs).toContainEqual(["StorefrontApi", STOREFRONT_API_ID, "AWS::ApiGateway::RestApi"]);
    expect(pairs).toContainEqual(["StorefrontApiprodStage", "prod", "AWS::ApiGateway::Stage"]);
    const first = all.StackResources?.[0];
    expect(first?.StackName).toBe("storefront-api");
    expect(first?.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/storefront-api\//);
    expect(first?.Timestamp).toBeInstanceOf(Date);
    expect(first?.ResourceStatus).toBe("CREATE_COMPLETE");

    const byPhysical = await sdk().send(
      new DescribeStackResourcesCommand({ PhysicalResourceId: STOREFRONT_API_ID, LogicalResourceId: "StorefrontApi" }),
    );
    expect(byPhysical.StackResources?.map((r) => r.PhysicalResourceId)).toEqual([STOREFRONT_API_ID]);
  });

  it("answers a missing stack with ValidationError, as AWS does for a deleted stack", async () => {
    const error = await sdk()
      .send(new GetTemplateCommand({ StackName: "gone-stack" }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("ValidationError");
    expect((error as Error).message).toBe("Stack with id gone-stack does not exist");
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    const both = await sdk()
      .send(new DescribeStackResourcesCommand({ StackName: "storefront-api", PhysicalResourceId: STOREFRONT_API_ID }))
      .catch((e: unknown) => e);
    expect((both as Error).name).toBe("ValidationError");
  });

  it("denies the denied key and injected AccessDenied faults (403 AccessDenied)", async () => {
    const denied = await sdk("AKIAEMULATORDENIED01")
      .send(new GetTemplateCommand({ StackName: "storefront-api" }))
      .catch((e: unknown) => e);
    expect((denied as Error).name).toBe("AccessDenied");
    expect((denied as Error).message).toContain(
      `arn:aws:iam::${DENIED_ACCOUNT_ID}:user/denied is not authorized to perform: cloudformation:GetTemplate`,
    );
    emu.faults.add({ operation: "DescribeStackResources", kind: "AccessDenied", times: 1 });
    const faulted = await sdk()
      .send(new DescribeStackResourcesCommand({ StackName: "storefront-api" }))
      .catch((e: unknown) => e);
    expect((faulted as Error).name).toBe("AccessDenied");
  });

  it("escapes the template text in XML: a hostile body comes back unchanged", async () => {
    const hostile = "Resources: {}\n# </TemplateBody><TemplateBody>x & y ]]> <!-- \"'\n";
    stacksOf(emu.store.regionState("123456789012", "us-east-1")).set("hostile", {
      stackName: "hostile",
      stackId: "arn:aws:cloudformation:us-east-1:123456789012:stack/hostile/1",
      createdAt: 0,
      originalTemplate: () => hostile,
      resources: [],
    });
    const out = await sdk().send(new GetTemplateCommand({ StackName: "hostile" }));
    expect(out.TemplateBody).toBe(hostile);
  });
});

describe("readStackTemplate", () => {
  it("reads the template and the resources through the demo connection's endpoint", async () => {
    const result = await readStackTemplate(emulatorConnection(emu.url), "us-east-1", STACK, {});
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.template.body).toBe(readFileSync(STOREFRONT_TEMPLATE_PATH, "utf8"));
    expect(result.template.resources).toContainEqual({
      logicalId: "StorefrontApi",
      physicalId: STOREFRONT_API_ID,
      type: "AWS::ApiGateway::RestApi",
    });
    expect(result.template.resourcesNote).toBeUndefined();
  });

  it("degrades to a value: AccessDenied, a deleted stack, DescribeStackResources alone denied", async () => {
    emu.faults.add({ operation: "GetTemplate", kind: "AccessDenied", times: 1 });
    const denied = await readStackTemplate(emulatorConnection(emu.url), "us-east-1", STACK, {});
    expect(denied.ok ? undefined : denied.failure.kind).toBe("access-denied");
    expect(denied.ok ? "" : denied.failure.message).toContain("cloudformation:GetTemplate");

    const gone = await readStackTemplate(emulatorConnection(emu.url), "us-east-1", { stackName: "deleted-stack", logicalId: "Api" }, {});
    expect(gone.ok ? undefined : gone.failure).toEqual({
      kind: "stack-gone",
      message: "stack deleted-stack is not readable: Stack with id deleted-stack does not exist",
    });

    emu.faults.add({ operation: "DescribeStackResources", kind: "AccessDenied", times: 1 });
    const partial = await readStackTemplate(emulatorConnection(emu.url), "us-east-1", STACK, {});
    expect(partial.ok && partial.template.resources).toEqual([]);
    expect(partial.ok && partial.template.resourcesNote).toContain("cloudformation:DescribeStackResources");
  });
});

describe("cloudFormationEndpointFor", () => {
  const custom = { endpoint: "http://127.0.0.1:4599", customEndpoint: true };
  it("prefers AWS_ENDPOINT_URL_CLOUDFORMATION, then the connection's endpoint, then AWS_ENDPOINT_URL", () => {
    expect(cloudFormationEndpointFor(custom, { AWS_ENDPOINT_URL_CLOUDFORMATION: "http://cfn" })).toEqual({
      ok: true,
      endpoint: "http://cfn",
    });
    expect(cloudFormationEndpointFor(custom, { AWS_ENDPOINT_URL: "http://all" })).toEqual({ ok: true, endpoint: custom.endpoint });
    expect(cloudFormationEndpointFor({ customEndpoint: true }, { AWS_ENDPOINT_URL: "http://all" })).toEqual({
      ok: true,
      endpoint: "http://all",
    });
    expect(cloudFormationEndpointFor({ customEndpoint: false }, {})).toEqual({ ok: true });
  });

  it("never sends a custom endpoint's credentials to AWS's CloudFormation", () => {
    const result = cloudFormationEndpointFor({ customEndpoint: true }, { AWS_ENDPOINT_URL_API_GATEWAY: "http://apigw" });
    expect(result.ok).toBe(false);
    expect(
      cloudFormationEndpointFor(
        { customEndpoint: true },
        { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL_CLOUDFORMATION: "http://cfn" },
      ).ok,
    ).toBe(false);
  });
});
