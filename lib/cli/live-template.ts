import "server-only";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { AuditReport } from "@/lib/audit/types";
import type { Connection } from "@/lib/aws/connections/connection";
import { stackTemplateSource } from "@/lib/aws/audit/stack-template-source";
import type { LivePatchOrigin } from "@/lib/remediation/patch/live-patch";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplateForLive, type TemplateForLive } from "@/lib/templates/template-for-live";

export interface LiveTemplate extends TemplateForLive {
  origin: LivePatchOrigin;
  readFile: (path: string) => string | undefined;
}

/**
 * `degradable`: the stack's template could not be read (AccessDenied, stack gone, no tags, no endpoint), so the
 * caller falls back to the snippet formats with this message as the note. A working copy that cannot be read is
 * an error instead: the user named it.
 */
export type LiveTemplateResult = { ok: true; value: LiveTemplate } | { ok: false; message: string; degradable: boolean };

/** The template beside a live audit: the working copy the user named with --template, else the stack's own. */
export async function liveTemplateFor(
  live: { report: AuditReport; connection: Connection },
  templates: readonly string[] | undefined,
  cwd: string = process.cwd(),
): Promise<LiveTemplateResult> {
  if (templates && templates.length > 0) {
    const tree = diskFileTree(templates, cwd);
    if (!tree.ok) return { ok: false, message: tree.message, degradable: false };
    const audited = await auditTemplateForLive(tree.tree, live.report, templates.join(", "));
    if (!audited.ok) return { ok: false, message: audited.message, degradable: false };
    const files = audited.value.template.source.kind === "template" ? audited.value.template.source.files : [...templates];
    return {
      ok: true,
      value: {
        ...audited.value,
        origin: { kind: "working-copy", files },
        readFile: (path) => {
          try {
            return readFileSync(resolve(cwd, path), "utf8");
          } catch {
            return undefined;
          }
        },
      },
    };
  }
  const source = await stackTemplateSource(live.connection, live.report);
  if (!source.ok) return { ok: false, message: source.failure.message, degradable: true };
  const { stack, tree, path, text, label, notes } = source.value;
  const audited = await auditTemplateForLive(tree, live.report, label);
  if (!audited.ok) return { ok: false, message: audited.message, degradable: true };
  return {
    ok: true,
    value: {
      ...audited.value,
      notes: [...notes, ...audited.value.notes],
      origin: { kind: "stack", stackName: stack.stackName, logicalId: stack.logicalId, path },
      readFile: (file) => (file === path ? text : undefined),
    },
  };
}
