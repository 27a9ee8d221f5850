import { CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { describe, expect, it } from "vitest";
import { PREFLIGHT_AUDIT_EXTERNAL_ID, PREFLIGHT_AUDIT_ROLE_ARN, STOREFRONT_API_ID } from "@/lib/emulator";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";

const { cli, emulator } = cliAgainstEmulator();

describe("preflight list --demo --role-arn", () => {
  it("lists the role's account after assuming it through the demo emulator's STS", async () => {
    const second = emulatorClient(emulator().url, { accessKeyId: "AKIAEMULATORSECOND01" });
    const { id } = await second.send(new CreateRestApiCommand({ name: "second-account-orders" }));
    second.destroy();
    const r = await cli("list", "--demo", "--role-arn", PREFLIGHT_AUDIT_ROLE_ARN, "--external-id", PREFLIGHT_AUDIT_EXTERNAL_ID);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`us-east-1: 1 REST API\n  ${id}  second-account-orders  [EDGE]\n`);
    expect(r.out).not.toContain(STOREFRONT_API_ID);
    expect(
      emulator()
        .requestLog.entries()
        .map((e) => [e.operation, e.accountId]),
    ).toContainEqual(["AssumeRole", "123456789012"]);
  });

  it("exits 2 naming sts:AssumeRole and the role when the external id is wrong", async () => {
    const r = await cli("list", "--demo", "--role-arn", PREFLIGHT_AUDIT_ROLE_ARN, "--external-id", "wrong-id");
    expect(r.code).toBe(2);
    expect(r.out).toContain(`us-east-1: ERROR access:denied: Access denied to sts:AssumeRole on ${PREFLIGHT_AUDIT_ROLE_ARN}`);
    expect(r.out).toContain("external id");
  });

  it("still refuses --external-id without --role-arn, and --demo with --profile", async () => {
    expect((await cli("list", "--demo", "--external-id", PREFLIGHT_AUDIT_EXTERNAL_ID)).err).toContain("--external-id needs --role-arn");
    expect((await cli("list", "--demo", "--profile", "x", "--role-arn", PREFLIGHT_AUDIT_ROLE_ARN)).code).toBe(2);
  });
});
