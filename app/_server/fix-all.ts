import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { REMEDIATION_FORMATS, type RemediationFormat } from "@/lib/remediation/formats/types";
import { bundleZip } from "@/lib/remediation/render-all";
import { snippetMimeType } from "@/lib/remediation/snippet-mime";
import type { DownloadFile } from "./downloads";
import { bundleFilename, planWholeApi } from "@/lib/remediation/whole-api-plan";

/** What a whole-API fix route serves: one format's file, or "bundle" (a zip of every format). */
export const FIX_FILES = [...REMEDIATION_FORMATS, "bundle"] as const;
export type FixFile = (typeof FIX_FILES)[number];

export function isFixFile(value: string): value is FixFile {
  return (FIX_FILES as readonly string[]).includes(value);
}

export const FIX_FILE_HINT = `must be one of ${FIX_FILES.join(", ")}`;

export type FixDownload = { ok: true; file: DownloadFile } | { ok: false; status: 404 | 409; code: string; message: string };

/** One whole-API fix file: a format's snippet or the zip of all of them. */
export function wholeApiFixFile(report: AuditReport, file: FixFile): FixDownload {
  const planned = planWholeApi(report);
  if (planned.status === "nothing")
    return { ok: false, status: 404, code: "fix:nothing", message: `API ${report.api.id} has no finding with an automatic fix.` };
  if (planned.status === "error") return { ok: false, status: 409, code: "fix:render-failed", message: planned.message };
  if (file === "bundle")
    return { ok: true, file: { filename: bundleFilename(report), mimeType: "application/zip", content: bundleZip(planned.bundle) } };
  const snippet = planned.bundle.snippets.find((item) => item.format === (file satisfies RemediationFormat));
  if (!snippet) {
    // The authorizer formats exist only when a fix changes the Lambda authorizer's code.
    return {
      ok: false,
      status: 404,
      code: "fix:format-not-rendered",
      message: `Format ${file} has nothing to render for API ${report.api.id}: no fix changes a Lambda authorizer's code.`,
    };
  }
  return { ok: true, file: { filename: snippet.filename, mimeType: snippetMimeType(snippet.language), content: snippet.content } };
}
