import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { STOREFRONT_API_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { stacksOf } from "@/lib/emulator/cloudformation/stacks";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { stackTemplateSource } from "@/lib/aws/audit/stack-template-source";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => emu.reset());

async function storefront() {
  const connection = emulatorConnection(emu.url);
  const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID, live: fastLiveOptions() });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return { connection, report: result.report };
}

describe("stackTemplateSource", () => {
  it("is the stack's template as one file, once DescribeStackResources confirms the tags", async () => {
    const { connection, report } = await storefront();
    const source = await stackTemplateSource(connection, report);
    if (!source.ok) throw new Error(source.failure.message);
    expect(source.value.path).toBe("template.yaml");
    expect(source.value.tree.paths).toEqual(["template.yaml"]);
    expect(source.value.label).toBe("stack storefront-api (original template)");
    expect(source.value.notes).toEqual([]);
  });

  it("refuses tags the stack contradicts (its StorefrontApi is another API)", async () => {
    const { connection, report } = await storefront();
    const stack = stacksOf(emu.store.regionState("123456789012", "us-east-1")).get("storefront-api");
    const api = stack?.resources.find((resource) => resource.logicalId === "StorefrontApi");
    if (!api) throw new Error("seed changed");
    api.physicalId = "other00001";
    const source = await stackTemplateSource(connection, report);
    expect(source.ok ? undefined : source.failure.message).toBe(
      "stack storefront-api's resource StorefrontApi is API other00001, not sfront0001; the tags do not match the stack",
    );
  });

  it("takes the tags as they are, with a note, when only DescribeStackResources is denied", async () => {
    const { connection, report } = await storefront();
    emu.faults.add({ operation: "DescribeStackResources", kind: "AccessDenied", times: 1 });
    const source = await stackTemplateSource(connection, report);
    expect(source.ok && source.value.notes[0]).toContain("the stack's resources were not listed");
  });
});
