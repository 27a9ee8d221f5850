import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useSeededAudit } from "@/lib/aws/testing/seed-audit";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { auditReportSchema } from "@/lib/share/report-schema";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";

/**
 * A stored audit must render exactly like the live one: the full storefront report, read from the emulator
 * by the real reader or from the demo's SAM template, survives JSON and the stored-report schema with nothing
 * stripped or changed.
 */
describe("stored-report schema round trip", () => {
  const storefront = useSeededAudit(STOREFRONT_API_ID);

  it("keeps every field of the storefront report", () => {
    const report = storefront();
    // The report exercises the schema broadly: findings with fixes, authorizers, stages with settings and drift.
    expect(report.findings.some((finding) => finding.fixes.length > 0)).toBe(true);
    expect(report.model.stages.some((stage) => stage.drift.length > 0)).toBe(true);
    const stored = JSON.parse(JSON.stringify(report)) as unknown;
    const parsed = auditReportSchema.parse(stored);
    expect(parsed).toStrictEqual(stored);
  });

  it("keeps every field of a template report, element positions included", async () => {
    const tree = diskFileTree(["storefront/template.yaml"], fileURLToPath(new URL("../emulator/seeds/templates", import.meta.url)));
    if (!tree.ok) throw new Error(tree.message);
    const audited = await auditTemplates(tree.tree);
    const templateReport = audited.reports[0];
    expect(templateReport?.source.kind).toBe("template");
    if (templateReport?.source.kind !== "template") return;
    expect(Object.keys(templateReport.source.locations).length).toBeGreaterThan(0);
    const stored = JSON.parse(JSON.stringify(templateReport)) as unknown;
    expect(auditReportSchema.parse(stored)).toStrictEqual(stored);
  }, 60_000);
});
