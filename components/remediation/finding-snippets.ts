import type { ApiModel } from "@/lib/model/types";
import { createRemediationContext } from "@/lib/remediation/context";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";
import { renderFinding } from "@/lib/remediation/render-all";
import type { Finding } from "@/lib/rules/types";
import { FORMAT_LABELS } from "./format-labels";
import type { RemediationSnippet } from "./types";

/** What the browser shows of a rendered snippet: text, labels and IAM actions (not the resource-level permissions). */
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

export interface FindingSnippets {
  snippets: RemediationSnippet[];
  /** Set when rendering failed: shown on the finding instead of its snippets. */
  error?: string;
}

/**
 * Every format of one finding's fix. The renderers are pure, so this runs in the browser when a finding
 * is shown: pre-rendering every finding on the server made a 1,000-resource audit page tens of MB.
 */
export function renderFindingSnippets(model: ApiModel, finding: Finding): FindingSnippets {
  if (finding.fixes.length === 0) return { snippets: [] };
  try {
    return { snippets: renderFinding(finding, createRemediationContext(model, [finding])).snippets.map(toUiSnippet) };
  } catch (error) {
    // One finding's renderer failing must not hide the audit; the finding says so where its snippets would be.
    return { snippets: [], error: `The fix snippets could not be generated: ${error instanceof Error ? error.message : String(error)}` };
  }
}
