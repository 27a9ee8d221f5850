"use server";

import { redirect } from "next/navigation";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { readOnlyMode } from "@/app/_server/share";
import { templateAuditCache } from "@/app/_server/template-audits";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "@/app/_server/session";
import { parseUpload } from "@/app/_server/template-upload";
import { templateAuditPath } from "./template-paths";

export type TemplateUploadState =
  { status: "idle" } | { status: "refused"; message: string } | { status: "invalid"; message: string; problems: string[] };

/**
 * Audits uploaded template files: validated (count, sizes, relative paths) before any text is read, read only
 * from the uploaded set, kept in this process's template-audit cache, then shown at /templates/<id>.
 */
export async function auditUploadedTemplates(_previous: TemplateUploadState, formData: FormData): Promise<TemplateUploadState> {
  // A team viewer reads shared audits only; the form is not shown there, but an action is a public endpoint.
  if (readOnlyMode())
    return {
      status: "refused",
      message: "This Preflight is a read-only viewer: templates cannot be uploaded here. Open a shared audit instead.",
    };
  if (!isAdmitted(await currentViewer())) return { status: "refused", message: SIGN_IN_REQUIRED };
  const upload = await parseUpload(formData);
  if (!upload.ok) return { status: "invalid", message: "The files were not audited:", problems: upload.problems };
  const audit = await auditTemplates(memoryFileTree(upload.files));
  const cached = templateAuditCache().put(
    audit,
    upload.files.map((file) => file.path),
    new Map(upload.files.map((file) => [file.path, file.text])),
  );
  redirect(templateAuditPath(cached.id));
}
