import type { AuditReport } from "@/lib/audit/types";
import { bundleFilename, fixableFindings, planWholeApi } from "@/lib/remediation/whole-api-plan";
import { toUiSnippet } from "./finding-snippets";
import type { RemediationSnippet, WholeApiFixView } from "./fix-views";

/**
 * What the tab shows of each file: a 10,000-resource API's files run to ~100 MB in all, which no one reads in a
 * <pre>; the rest is in the file the tab's Download button serves (the same plan, from the route).
 */
export const FIX_PREVIEW_CHARS = 200_000;

function preview(snippet: RemediationSnippet, limit: number): RemediationSnippet {
  if (snippet.code.length <= limit) return snippet;
  // Cut at a line end so the preview never ends inside a line.
  const cut = snippet.code.lastIndexOf("\n", limit);
  return { ...snippet, code: snippet.code.slice(0, cut > 0 ? cut + 1 : limit), fullLength: snippet.code.length };
}

/**
 * The "Fix everything" tab's data; `downloadBase` is the route the files come from (live or stored).
 * Built on the server when the tab is opened (the page's detail route): for a 1,000-resource API the files
 * run to megabytes, which the page should not carry when nobody looks at them.
 */
export function wholeApiFixView(report: AuditReport, downloadBase: string, previewChars = Number.POSITIVE_INFINITY): WholeApiFixView {
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
    snippets: snippets.map((snippet) => preview(toUiSnippet(snippet), previewChars)),
    downloads: {
      byFormat: Object.fromEntries(snippets.map((snippet) => [snippet.format, `${downloadBase}/${snippet.format}`])),
      bundle: `${downloadBase}/bundle`,
      bundleFilename: bundleFilename(report),
    },
  };
}
