import type { ApiModel } from "@/lib/model/types";
import { createRemediationContext } from "@/lib/remediation/context";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";
import { renderFinding } from "@/lib/remediation/render-all";
import type { Finding } from "@/lib/rules/types";
import { FORMAT_LABELS } from "./format-labels";
import type { FindingSnippets, RemediationSnippet } from "./fix-views";

export type { FindingSnippets } from "./fix-views";

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

/**
 * Every format of one finding's fix. It runs on the server when a finding card is opened (the page's detail
 * route, app/_server/audit-page-detail.ts): pre-rendering every finding made a 1,000-resource page tens of MB,
 * and rendering in the browser put every renderer in the page's JavaScript.
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
