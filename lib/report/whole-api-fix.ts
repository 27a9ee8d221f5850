import type { AuditReport } from "@/lib/audit/types";
import { bundleFilename, fixableFindings, planWholeApi } from "@/lib/remediation/whole-api-plan";
import { toUiSnippet } from "./finding-snippets";
import type { WholeApiFixView } from "./fix-views";

/**
 * The "Fix everything" tab's data; `downloadBase` is the route the files come from (live or stored).
 * Built on the server when the tab is opened (the page's detail route): for a 1,000-resource API the files
 * run to megabytes, which the page should not carry when nobody looks at them.
 */
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
