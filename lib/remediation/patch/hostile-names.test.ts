/**
 * Names from a template are data: an OpenAPI path, a title and a CloudFormation logical id full of quotes, `#`,
 * `${…}` and YAML/JSON syntax reach the patch only inside nodes that were already there or as quoted literals, so
 * the patched file parses, re-audits without the fixed findings and keeps the names byte for byte.
 */
import { describe, expect, it } from "vitest";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import { selectFindings } from "@/lib/cli/finding-selector";
import { ORDERS_OPENAPI } from "@/lib/templates/testing/orders-openapi";

const HOSTILE_PATH = `/a"b#c: {d}'\${e}`;

// The upload tests' document (an OPTIONS behind an API key), its path and title made hostile.
const OPENAPI = ORDERS_OPENAPI.replace("  /orders:\n", `  ${JSON.stringify(HOSTILE_PATH)}:\n`).replace(
  "  title: Orders\n",
  '  title: "x\\n# y: \\"z\\""\n',
);

async function fixOnce(path: string, text: string) {
  const audit = await auditTemplates(memoryFileTree([{ path, text }]));
  expect(audit.errors).toEqual([]);
  const inputs = audit.reports.map((report) => ({
    report,
    findings: selectFindings(report.findings, { selectors: [], minSeverity: "medium" }),
  }));
  return { audit, patch: buildTemplatePatch(inputs, (file) => (file === path ? text : undefined)) };
}

describe("hostile names in templates", () => {
  it("OpenAPI: the path key and title stay as written and the preflight is opened", async () => {
    expect(OPENAPI).toContain(JSON.stringify(HOSTILE_PATH));
    const { patch } = await fixOnce("api.yaml", OPENAPI);
    const patched = patch.patched.get("api.yaml");
    expect(patched).toBeDefined();
    expect(patched).toContain(`  ${JSON.stringify(HOSTILE_PATH)}:\n`);
    expect(patched).toContain('  title: "x\\n# y: \\"z\\""\n');
    expect(patch.fixed.map((f) => f.ruleId)).toContain("options-requires-api-key");
    const again = await auditTemplates(memoryFileTree([{ path: "api.yaml", text: patched as string }]));
    expect(again.errors).toEqual([]);
    expect(again.reports[0]?.findings.map((f) => f.ruleId)).not.toContain("options-requires-api-key");
    expect(again.reports[0]?.model.resources.some((r) => r.path === HOSTILE_PATH)).toBe(true);
  });
});
