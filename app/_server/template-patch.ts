import "server-only";
import { fixableFindings } from "@/lib/remediation/whole-api-plan";
import { buildTemplatePatch, type TemplatePatch } from "@/lib/remediation/patch/build-patch";
import type { TemplateApiView } from "./template-view";

/** The whole-API fix of an uploaded template as a patch to its own files (the same findings as the other formats). */
export function templatePatchFor(view: Pick<TemplateApiView, "report" | "cached">): TemplatePatch | undefined {
  const findings = fixableFindings(view.report);
  if (findings.length === 0 || view.report.source.kind !== "template") return undefined;
  return buildTemplatePatch([{ report: view.report, findings }], (path) => view.cached.texts.get(path));
}

export function patchFilename(apiName: string): string {
  return `preflight-fix-${apiName}.patch`.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120);
}
