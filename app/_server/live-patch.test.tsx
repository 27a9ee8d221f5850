import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HEALTHY_API_ID, STOREFRONT_API_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_TEMPLATE_PATH } from "@/lib/emulator/seeds/storefront-stack";
import { GET } from "@/app/api/audit/[connection]/[region]/[apiId]/patch/route";
import { patchLiveApi } from "@/app/actions/live-patch";
import { LivePatchPanel } from "@/components/audit/live-patch-panel";
import { AuditHeader } from "@/components/audit/audit-header";
import { loadReport } from "./audit";
import { livePatchFor } from "./live-patch";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});
afterEach(() => {
  emulator.reset();
  vi.stubEnv("PREFLIGHT_READ_ONLY", "");
});

const ORIGINAL = readFileSync(STOREFRONT_TEMPLATE_PATH, "utf8");
const form = (fields: Record<string, string>, files: Array<{ path: string; text: string }> = []) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const file of files) {
    data.append("file", new File([file.text], file.path.split("/").at(-1) as string));
    data.append("path", file.path);
  }
  return data;
};
const target = { connection: "demo", region: "us-east-1", apiId: STOREFRONT_API_ID };

describe("the live audit page's template patch", () => {
  it("the header names the stack and logical id", async () => {
    const loaded = await loadReport("demo", "us-east-1", STOREFRONT_API_ID);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const html = renderToStaticMarkup(<AuditHeader report={loaded.report} stored />);
    expect(html).toContain("Stack</dt>");
    expect(html).toContain("storefront-api · logical id StorefrontApi");
  });

  it("patches the stack's template (route download and action agree)", async () => {
    const response = await GET(new Request("http://localhost/"), { params: Promise.resolve(target) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/x-diff; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("deployed by CloudFormation stack storefront-api as logical id StorefrontApi");
    expect(text).toContain("diff --git a/template.yaml b/template.yaml");

    const state = await patchLiveApi({ status: "idle" }, form(target));
    if (state.status !== "patch") throw new Error(JSON.stringify(state));
    expect(state.text).toBe(text);
    expect(state.drift).toEqual([]);
    expect(state.against).toBe("stack storefront-api (original template)");
    const html = renderToStaticMarkup(
      <LivePatchPanel
        {...target}
        stack={{ stackName: "storefront-api", logicalId: "StorefrontApi" }}
        stackPatchHref="/p"
        action={patchLiveApi}
      />,
    );
    expect(html).toContain('data-testid="live-patch-stack"');
    expect(html).toContain('Deployed by CloudFormation stack <span class="font-mono">storefront-api</span>');
  });

  it("an uploaded working copy is patched instead, and its differences from the live API are listed", async () => {
    const changed = ORIGINAL.replace(
      "            options:\n              security:\n                - api_key: []\n",
      "            options:\n              security: []\n",
    );
    const state = await patchLiveApi({ status: "idle" }, form(target, [{ path: "infra/template.yaml", text: changed }]));
    if (state.status !== "patch") throw new Error(JSON.stringify(state));
    expect(state.against).toBe("infra/template.yaml");
    expect(state.drift).toEqual([
      "OPTIONS /orders has apiKeyRequired true on the live API and false in infra/template.yaml (StorefrontApi).",
    ]);
    expect(state.text).toContain("diff --git a/infra/template.yaml b/infra/template.yaml");
    expect(emulator.requestLog.entries().map((e) => e.operation)).not.toContain("GetTemplate");
  });

  it("degrades with a note: AccessDenied on GetTemplate, an untagged API, a refused upload, read-only mode", async () => {
    emulator.faults.add({ operation: "GetTemplate", kind: "AccessDenied" });
    const denied = await livePatchFor("demo", "us-east-1", STOREFRONT_API_ID);
    expect(denied.ok ? "" : denied.note).toContain("cloudformation:GetTemplate on stack storefront-api was denied");
    const route = await GET(new Request("http://localhost/"), { params: Promise.resolve(target) });
    expect(route.status).toBe(409);

    const untagged = await patchLiveApi({ status: "idle" }, form({ ...target, apiId: HEALTHY_API_ID }));
    expect(untagged).toMatchObject({ status: "note" });
    expect(untagged.status === "note" && untagged.note).toContain("no aws:cloudformation:stack-name");

    const refused = await patchLiveApi({ status: "idle" }, form(target, [{ path: "../escape.yaml", text: "x: 1\n" }]));
    expect(refused.status).toBe("invalid");

    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    expect((await patchLiveApi({ status: "idle" }, form(target))).status).toBe("note");
  });
});
