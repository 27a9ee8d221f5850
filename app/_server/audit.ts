import "server-only";
import { RULES } from "@/lib/rules";
import type { RuleMeta } from "@/lib/rules/types";
import { runAudit } from "@/lib/audit/run-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { UiError } from "@/components/connect/types";
import type { RemediationSnippet } from "@/components/remediation/types";
import { openConnectionById } from "./connection";
import { remediationFor } from "./remediation";
import { toUiError } from "./ui-error";

export type LoadAuditResult =
  | { ok: true; report: AuditReport; rules: Record<string, RuleMeta>; snippets: RemediationSnippet[][]; snippetErrors: (string | undefined)[] }
  | { ok: false; error: UiError };

/** Reads, normalises and audits one API for the audit page; expected failures are values. */
export async function loadAudit(connectionId: string, region: string, apiId: string): Promise<LoadAuditResult> {
  const opened = await openConnectionById(connectionId);
  if (!opened.ok) return opened;
  const result = await runAudit({ connection: opened.connection, region, restApiId: apiId });
  if (!result.ok) {
    return {
      ok: false,
      error:
        result.failure.kind === "aws"
          ? toUiError(result.failure.error)
          : { code: "stage-not-found", message: result.failure.message, hint: `Stages: ${result.failure.stages.join(", ") || "none"}.` },
    };
  }
  const report = result.report;
  // Only the metas the report needs travel to the browser.
  const used = new Set(report.findings.map((finding) => finding.ruleId));
  const rules = Object.fromEntries(RULES.filter((rule) => used.has(rule.meta.id)).map((rule) => [rule.meta.id, rule.meta]));
  const remediation = remediationFor(report);
  return { ok: true, report, rules, snippets: remediation.snippets, snippetErrors: remediation.errors };
}
