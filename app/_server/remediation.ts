import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { createRemediationContext } from "@/lib/remediation/context";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";
import { renderFinding } from "@/lib/remediation/render-all";
import { FORMAT_LABELS } from "@/components/remediation/format-labels";
import type { RemediationSnippet } from "@/components/remediation/types";

export interface FindingRemediation {
  /** By index into report.findings. */
  snippets: RemediationSnippet[][];
  /** Set where rendering a finding's fix failed: shown on that finding instead of its snippets. */
  errors: (string | undefined)[];
}

/** What the browser gets of a rendered snippet: text, labels and IAM actions (not the resource-level permissions). */
export function toUiSnippet(snippet: RenderedSnippet): RemediationSnippet {
  return {
    format: snippet.format,
    label: FORMAT_LABELS[snippet.format],
    language: snippet.language,
    code: snippet.content,
    filename: snippet.filename,
    iamActions: snippet.iamActions,
  };
}

/** Every format of every finding's fix, rendered on the server (renderers are pure; the browser gets text). */
export function remediationFor(report: AuditReport): FindingRemediation {
  const snippets: RemediationSnippet[][] = [];
  const errors: (string | undefined)[] = [];
  for (const finding of report.findings) {
    if (finding.fixes.length === 0) {
      snippets.push([]);
      errors.push(undefined);
      continue;
    }
    try {
      const context = createRemediationContext(report.model, [finding]);
      snippets.push(renderFinding(finding, context).snippets.map(toUiSnippet));
      errors.push(undefined);
    } catch (error) {
      // One finding's renderer failing must not hide the audit; the finding says so where its snippets would be.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`remediation for ${finding.ruleId} on ${report.api.id} failed:`, error);
      snippets.push([]);
      errors.push(`The fix snippets could not be generated: ${message}`);
    }
  }
  return { snippets, errors };
}
