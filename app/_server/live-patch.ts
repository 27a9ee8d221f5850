import "server-only";
import { stackTemplateSource } from "@/lib/aws/audit/stack-template-source";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { REST_API_ID_PATTERN } from "@/lib/model/ids";
import { buildLivePatch, DRIFT_RULE_ID, type LivePatchOrigin } from "@/lib/remediation/patch/live-patch";
import { fixableFindings } from "@/lib/remediation/whole-api-plan";
import { memoryFileTree, type InMemoryFile } from "@/lib/templates/files/memory-file-tree";
import { auditTemplateForLive } from "@/lib/templates/template-for-live";
import { openConnectionById } from "./connection";

export type LivePatchResult =
  | {
      ok: true;
      text: string;
      files: number;
      fixed: number;
      /** live-differs-from-template messages, shown as their own list. */
      drift: string[];
      /** "stack storefront-api (original template)" or the uploaded file names. */
      against: string;
      hasDiff: boolean;
    }
  /** `note`: why no patch (the snippet formats beside it still apply). */
  | { ok: false; note: string };

/**
 * The live audit page's patch: the whole-API fix (every fixable finding, as the other formats) as a patch to the
 * template that defines the API: the stack's original template (GetTemplate), or files the user uploaded.
 */
export async function livePatchFor(
  connectionId: string,
  region: string,
  apiId: string,
  uploaded?: InMemoryFile[],
): Promise<LivePatchResult> {
  if (!REST_API_ID_PATTERN.test(apiId)) return { ok: false, note: "not a REST API id" };
  const opened = await openConnectionById(connectionId);
  if (!opened.ok) return { ok: false, note: `${opened.error.message} ${opened.error.hint ?? ""}`.trim() };
  const audited = await runAudit({ connection: opened.connection, region, restApiId: apiId });
  if (!audited.ok) return { ok: false, note: audited.failure.kind === "aws" ? audited.failure.error.message : audited.failure.message };
  const live = audited.report;

  let tree;
  let label: string;
  let origin: LivePatchOrigin;
  let readFile: (path: string) => string | undefined;
  const notes: string[] = [];
  if (uploaded && uploaded.length > 0) {
    tree = memoryFileTree(uploaded);
    const texts = new Map(uploaded.map((file) => [file.path, file.text]));
    label = uploaded.length === 1 ? (uploaded[0] as InMemoryFile).path : `${uploaded.length} uploaded files`;
    origin = { kind: "working-copy", files: uploaded.map((file) => file.path) };
    readFile = (path) => texts.get(path);
  } else {
    const source = await stackTemplateSource(opened.connection, live);
    if (!source.ok) return { ok: false, note: source.failure.message };
    tree = source.value.tree;
    label = source.value.label;
    notes.push(...source.value.notes);
    origin = { kind: "stack", stackName: source.value.stack.stackName, logicalId: source.value.stack.logicalId, path: source.value.path };
    readFile = (path) => (path === source.value.path ? source.value.text : undefined);
  }
  const compared = await auditTemplateForLive(tree, live, label);
  if (!compared.ok) return { ok: false, note: compared.message };
  const patch = buildLivePatch(
    {
      live: compared.value.live,
      template: compared.value.template,
      findings: fixableFindings(compared.value.template),
      liveSelected: fixableFindings(live),
      origin,
      notes: [...notes, ...compared.value.notes],
    },
    readFile,
  );
  return {
    ok: true,
    text: patch.text,
    files: patch.patched.size,
    fixed: patch.fixed.length,
    drift: compared.value.live.findings.filter((finding) => finding.ruleId === DRIFT_RULE_ID).map((finding) => finding.message),
    against: label,
    hasDiff: patch.diff !== "",
  };
}
