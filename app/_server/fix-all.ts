import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { createRemediationContext } from "@/lib/remediation/context";
import { REMEDIATION_FORMATS, type RemediationFormat } from "@/lib/remediation/formats/types";
import { bundleZip, renderAll, type RemediationBundle } from "@/lib/remediation/render-all";
import type { Finding } from "@/lib/rules/types";
import { snippetMimeType } from "@/components/remediation/snippet-files";
import type { WholeApiFixView } from "@/components/remediation/types";
import type { DownloadFile } from "./downloads";
import { toUiSnippet } from "./remediation";

/** What a whole-API fix route serves: one format's file, or "bundle" (a zip of every format). */
export const FIX_FILES = [...REMEDIATION_FORMATS, "bundle"] as const;
export type FixFile = (typeof FIX_FILES)[number];

export function isFixFile(value: string): value is FixFile {
  return (FIX_FILES as readonly string[]).includes(value);
}

export const FIX_FILE_HINT = `must be one of ${FIX_FILES.join(", ")}`;

export function fixableFindings(report: AuditReport): Finding[] {
  return report.findings.filter((finding) => finding.fixes.length > 0);
}

type Planned = { status: "ready"; bundle: RemediationBundle; fixable: number } | { status: "nothing" } | { status: "error"; message: string };

/** One plan over every fixable finding (intents deduped and ordered across findings), rendered in every format. */
function planWholeApi(report: AuditReport): Planned {
  const findings = fixableFindings(report);
  if (findings.length === 0) return { status: "nothing" };
  try {
    const ctx = createRemediationContext(report.model, findings);
    return { status: "ready", bundle: renderAll(findings, ctx), fixable: findings.length };
  } catch (error) {
    // A renderer failing must not hide the audit; the tab says why instead of showing files.
    console.error(`whole-API remediation for ${report.api.id} failed:`, error);
    return { status: "error", message: `The fix could not be generated: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function bundleFilename(report: Pick<AuditReport, "api">): string {
  return `preflight-fix-${report.api.id}.zip`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The "Fix everything" tab's data; `downloadBase` is the route the files come from (live or stored). */
export function wholeApiFixView(report: AuditReport, downloadBase: string): WholeApiFixView {
  const planned = planWholeApi(report);
  const notFixable = report.findings.length - fixableFindings(report).length;
  if (planned.status === "nothing") return { status: "nothing", notFixable };
  if (planned.status === "error") return planned;
  const { plan, snippets } = planned.bundle;
  return {
    status: "ready",
    fixable: planned.fixable,
    notFixable,
    stages: plan.ctx.affectedStages,
    conflicts: plan.conflicts,
    accountIdKnown: plan.ctx.accountIdKnown,
    snippets: snippets.map(toUiSnippet),
    downloads: {
      byFormat: Object.fromEntries(snippets.map((snippet) => [snippet.format, `${downloadBase}/${snippet.format}`])),
      bundle: `${downloadBase}/bundle`,
      bundleFilename: bundleFilename(report),
    },
  };
}

export type FixDownload = { ok: true; file: DownloadFile } | { ok: false; status: 404 | 409; code: string; message: string };

/** One whole-API fix file: a format's snippet or the zip of all of them. */
export function wholeApiFixFile(report: AuditReport, file: FixFile): FixDownload {
  const planned = planWholeApi(report);
  if (planned.status === "nothing") return { ok: false, status: 404, code: "fix:nothing", message: `API ${report.api.id} has no finding with an automatic fix.` };
  if (planned.status === "error") return { ok: false, status: 409, code: "fix:render-failed", message: planned.message };
  if (file === "bundle") return { ok: true, file: { filename: bundleFilename(report), mimeType: "application/zip", content: bundleZip(planned.bundle) } };
  const snippet = planned.bundle.snippets.find((item) => item.format === (file satisfies RemediationFormat));
  if (!snippet) {
    // The authorizer formats exist only when a fix changes the Lambda authorizer's code.
    return { ok: false, status: 404, code: "fix:format-not-rendered", message: `Format ${file} has nothing to render for API ${report.api.id}: no fix changes a Lambda authorizer's code.` };
  }
  return { ok: true, file: { filename: snippet.filename, mimeType: snippetMimeType(snippet.language), content: snippet.content } };
}
