import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./index";
import { STOREFRONT_API_ID } from "./seeds/storefront";

/** The real AWS CLI v2 against the emulator. In CI the CLI must be installed: missing → failure. */
const run = promisify(execFile);
const AWS = "/usr/bin/aws";
const available = existsSync(AWS);
const describeCli = available || process.env.CI ? describe : describe.skip;

let emulator: Emulator;

async function aws(...args: string[]): Promise<unknown> {
  const { stdout } = await run(AWS, ["apigateway", ...args, "--endpoint-url", emulator.url, "--region", "us-east-1", "--output", "json"], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: "AKIAEMULATORCLI00001",
      AWS_SECRET_ACCESS_KEY: "fake",
      AWS_PAGER: "",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as unknown;
}

describeCli("AWS CLI v2 against the emulator", () => {
  beforeAll(async () => {
    emulator = await startEmulator({ defaultPageSize: 1 });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("is installed", () => {
    expect(available, `${AWS} is missing; install it with apt-get install -y awscli`).toBe(true);
  });

  it("lists REST APIs across pages", async () => {
    const result = (await aws("get-rest-apis")) as { items: { id: string }[] };
    expect(result.items.map((api) => api.id)).toEqual([STOREFRONT_API_ID, "healthy001", "proxy00001", "lproxy0001", "files00001"]);
    // One API a page: the CLI follows the position token through all five.
    expect(emulator.requestLog.count("GetRestApis")).toBe(5);
  }, 60_000);

  it("reads resources with embedded methods and a stage", async () => {
    const resources = (await aws("get-resources", "--rest-api-id", STOREFRONT_API_ID, "--embed", "methods")) as {
      items: { path: string; resourceMethods?: Record<string, { authorizationType: string }> }[];
    };
    expect(resources.items.find((item) => item.path === "/products")!.resourceMethods!.OPTIONS!.authorizationType).toBe("CUSTOM");
    const stage = (await aws("get-stage", "--rest-api-id", STOREFRONT_API_ID, "--stage-name", "prod")) as {
      methodSettings: Record<string, { cachingEnabled: boolean }>;
    };
    expect(stage.methodSettings["~1products~1{id}/GET"]!.cachingEnabled).toBe(true);
  }, 60_000);

  it("exits non-zero with AWS's error for unknown APIs", async () => {
    await expect(aws("get-rest-api", "--rest-api-id", "missing000")).rejects.toMatchObject({
      stderr: expect.stringContaining("NotFoundException"),
    });
  }, 60_000);
});
