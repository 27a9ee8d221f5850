import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, generateLargeApi, type Emulator } from "@/lib/emulator";
import { listProfiles } from "@/lib/aws/connections/list-profiles";
import { listConnections } from "@/lib/aws/connections/list-connections";
import { openConnection } from "@/lib/aws/connections/connection";
import { readLiveApi, listLiveApis } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { ExpiredCredentialsError, NoCredentialsError } from "@/lib/aws/errors/aws-errors";

const dir = mkdtempSync(join(tmpdir(), "preflight-aws-"));
const config = join(dir, "config");
const credentials = join(dir, "credentials");
const processScript = join(dir, "creds.mjs");
writeFileSync(
  processScript,
  `console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIAEMULATORSECOND01", SecretAccessKey: "process-secret-value" }));\n`,
);
writeFileSync(
  config,
  [
    "[default]",
    "region = us-east-1",
    "[profile sso-dev]",
    "sso_session = corp",
    "sso_account_id = 123456789012",
    "sso_role_name = ReadOnly",
    "region = eu-west-1",
    "[sso-session corp]",
    "sso_start_url = https://corp.awsapps.com/start",
    "sso_region = us-east-1",
    `[profile proc]`,
    `credential_process = ${process.execPath} ${processScript}`,
    "region = eu-west-1",
    "[profile chained]",
    "role_arn = arn:aws:iam::123456789012:role/Auditor",
    "source_profile = default",
    "[profile team/dev]",
    "region = us-west-2",
    "",
  ].join("\n"),
);
writeFileSync(
  credentials,
  [
    "[default]",
    "aws_access_key_id = AKIAEXAMPLESTATIC01",
    "aws_secret_access_key = static-secret-value",
    "[keys-only]",
    "aws_access_key_id = AKIAEXAMPLESTATIC02",
    "aws_secret_access_key = other-secret",
    "",
  ].join("\n"),
);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => {
  vi.unstubAllEnvs();
  emu.reset();
});

function isolate(extra: Record<string, string> = {}) {
  vi.stubEnv("AWS_CONFIG_FILE", config);
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", credentials);
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
  for (const key of [
    "AWS_PROFILE",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_API_GATEWAY",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
  ])
    vi.stubEnv(key, "");
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
}

describe("profiles", () => {
  it("lists every profile of both files with kind and region, and no secret", async () => {
    isolate();
    const profiles = await listProfiles();
    expect(profiles).toEqual([
      { name: "chained", kind: "assume-role", files: ["config"], supported: true },
      { name: "default", kind: "static", region: "us-east-1", files: ["config", "credentials"], supported: true },
      { name: "keys-only", kind: "static", files: ["credentials"], supported: true },
      { name: "proc", kind: "process", region: "eu-west-1", files: ["config"], supported: true },
      { name: "sso-dev", kind: "sso", region: "eu-west-1", files: ["config"], supported: true },
      { name: "team/dev", kind: "other", region: "us-west-2", files: ["config"], supported: false },
    ]);
    const listed = JSON.stringify(await listConnections());
    for (const secret of ["static-secret-value", "other-secret", "AKIAEXAMPLESTATIC01", "corp.awsapps.com"])
      expect(listed).not.toContain(secret);
    expect(listed).toContain('"id":"profile:sso-dev"');
  });

  it("treats missing files as no profiles", async () => {
    isolate({ AWS_CONFIG_FILE: join(dir, "nope"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "nope2") });
    expect(await listProfiles()).toEqual([]);
  });
});

describe("credentials end to end", () => {
  it("reads through a credential_process profile, routed by AWS_ENDPOINT_URL_API_GATEWAY to that key's account", async () => {
    isolate({ AWS_ENDPOINT_URL_API_GATEWAY: emu.url });
    const apiId = generateLargeApi(emu.store, { resources: 2, accountId: "210987654321", region: "eu-west-1" });
    const opened = await openConnection({ kind: "profile", profile: "proc" });
    if (!opened.ok) throw opened.error;
    expect(opened.connection).toMatchObject({
      customEndpoint: true,
      defaultRegion: "eu-west-1",
      profile: { name: "proc", kind: "process" },
    });
    expect(opened.connection.endpoint).toBeUndefined();
    const { result } = await readLiveApi(opened.connection, "eu-west-1", apiId, fastLiveOptions());
    expect(result.ok).toBe(true);
    expect(emu.requestLog.entries().every((e) => e.accountId === "210987654321" && e.region === "eu-west-1")).toBe(true);
  });

  it("says 'aws sso login --profile sso-dev' when the SSO session is not signed in", async () => {
    isolate({ AWS_ENDPOINT_URL_API_GATEWAY: emu.url, HOME: dir });
    const opened = await openConnection({ kind: "profile", profile: "sso-dev" });
    if (!opened.ok) throw opened.error;
    const { result } = await readLiveApi(opened.connection, "eu-west-1", "abc", fastLiveOptions());
    if (result.ok) throw new Error("expected an SSO error");
    expect(ExpiredCredentialsError.is(result.error)).toBe(true);
    expect(result.error.hint).toBe("Run: aws sso login --profile sso-dev");
    expect(emu.requestLog.entries()).toHaveLength(0);
  });

  it("reports missing credentials for the default chain, naming the operation", async () => {
    isolate({
      AWS_ENDPOINT_URL_API_GATEWAY: emu.url,
      AWS_CONFIG_FILE: join(dir, "nope"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "nope2"),
      HOME: dir,
    });
    const opened = await openConnection({ kind: "env" });
    if (!opened.ok) throw opened.error;
    const { result } = await readLiveApi(opened.connection, "us-east-1", "abc", fastLiveOptions());
    if (result.ok) throw new Error("expected a credentials error");
    expect(NoCredentialsError.is(result.error)).toBe(true);
    expect(result.error.operation).toBe("GetRestApi");
  });

  it("refuses an unknown profile with the list of known ones", async () => {
    isolate();
    const opened = await openConnection({ kind: "profile", profile: "ghost" });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.message).toContain('"ghost"');
    expect(opened.error.hint).toContain("sso-dev");
  });

  it("uses PREFLIGHT_DEMO_ENDPOINT for the demo and rejects a non-URL", async () => {
    isolate({ PREFLIGHT_DEMO_ENDPOINT: emu.url });
    const demo = await openConnection({ kind: "demo" });
    expect(demo.ok && demo.connection.endpoint).toBe(emu.url);
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", "not a url");
    expect((await openConnection({ kind: "demo" })).ok).toBe(false);
  });
});

describe("listing across regions", () => {
  it("answers per region; a failing region is its own line, never fatal", async () => {
    isolate({ PREFLIGHT_DEMO_ENDPOINT: emu.url });
    generateLargeApi(emu.store, { resources: 1, region: "eu-west-1", name: "euro-api" });
    const demo = await openConnection({ kind: "demo" });
    if (!demo.ok) throw demo.error;
    emu.faults.add({ operation: "GetRestApis", kind: "AccessDenied", times: 1 });
    const regions = ["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1"];
    const listings = await listLiveApis(demo.connection, regions, fastLiveOptions({ pageSize: 1 }));
    expect(listings.map((l) => l.region)).toEqual(regions);
    const failed = listings.filter((l) => !l.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ok: false, error: { code: "access:denied" } });
    const ok = Object.fromEntries(listings.filter((l) => l.ok).map((l) => [l.region, l.ok ? l.apis.map((a) => a.name) : []]));
    if (failed[0]?.region !== "eu-west-1") expect(ok["eu-west-1"]).toEqual(["euro-api"]);
    if (failed[0]?.region !== "us-east-1") expect(ok["us-east-1"]?.length).toBeGreaterThanOrEqual(2);
  });
});
