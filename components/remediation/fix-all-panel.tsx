import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertIcon, DownloadIcon } from "@/components/ui/icons";
import { RemediationTabs } from "./remediation-tabs";
import type { WholeApiFixView } from "./types";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "Fix everything": one plan over every fixable finding of the API, a tab per format, each file and the zip downloadable. */
export function FixAllPanel({ fix, apiName }: { fix: WholeApiFixView; apiName: string }) {
  if (fix.status === "nothing") {
    return (
      <EmptyState title="Nothing to fix automatically" testId="fix-all-empty">
        {fix.notFixable > 0
          ? `The ${plural(fix.notFixable, "finding")} of this audit need a decision rather than a generated change; each finding explains what to do.`
          : "This audit has no findings."}
      </EmptyState>
    );
  }
  if (fix.status === "error") {
    return (
      <Callout tone="error" title="The whole-API fix could not be generated" testId="fix-all-error">
        {fix.message}
      </Callout>
    );
  }
  return (
    <section aria-labelledby="fix-all-heading" className="space-y-3" data-testid="fix-all" data-fixable={fix.fixable}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 space-y-1 text-sm">
          <h2 id="fix-all-heading" className="text-base font-semibold">
            Fix everything
          </h2>
          <p className="text-zinc-700 dark:text-zinc-300" data-testid="fix-all-summary">
            One change set for all {plural(fix.fixable, "fixable finding")} of <span className="font-medium">{apiName}</span>, whatever the
            filters above show. Each file applies every change in order
            {fix.stages.length > 0 ? (
              <>
                , then redeploys <span className="font-mono">{fix.stages.join(", ")}</span>
              </>
            ) : null}
            . Pick the one that matches how you manage this API.
          </p>
          {fix.notFixable > 0 ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {plural(fix.notFixable, "finding")} {fix.notFixable === 1 ? "has" : "have"} no automatic fix and{" "}
              {fix.notFixable === 1 ? "is" : "are"} not included.
            </p>
          ) : null}
          {fix.accountIdKnown ? null : (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              The account id was not read: replace <span className="font-mono">&lt;ACCOUNT_ID&gt;</span> before applying.
            </p>
          )}
        </div>
        <a
          href={fix.downloads.bundle}
          download={fix.downloads.bundleFilename}
          className={buttonClass("primary")}
          data-testid="download-bundle"
        >
          <DownloadIcon />
          All formats (.zip)
        </a>
      </div>
      {fix.conflicts.length > 0 ? <Conflicts conflicts={fix.conflicts} /> : null}
      <RemediationTabs snippets={fix.snippets} downloadHrefs={fix.downloads.byFormat} tall />
    </section>
  );
}

/** Collapsed by default: the files already apply the earliest finding's value, the list is for whoever wants to check. */
function Conflicts({ conflicts }: { conflicts: string[] }) {
  const distinct = [...new Set(conflicts)];
  return (
    <details
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="fix-all-conflicts"
    >
      <summary className="flex cursor-pointer items-center gap-2">
        <AlertIcon className="shrink-0" />
        {plural(distinct.length, "change")} asked for differently by several findings: the earliest finding&apos;s is kept
      </summary>
      <ul className="mt-1 list-disc pl-6 text-[13px]">
        {distinct.map((conflict) => (
          <li key={conflict}>{conflict}</li>
        ))}
      </ul>
    </details>
  );
}
