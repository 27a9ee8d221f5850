import Link from "next/link";
import type { AuditComparison } from "@/lib/share/compare";
import type { Finding, RuleMeta } from "@/lib/rules/types";
import { findingTargetLabel } from "@/components/findings/finding-card";
import { SeverityBadge, SeverityCounts } from "@/components/findings/severity-badge";
import { CopyLinkButton } from "./copy-link-button";
import { describeMethodChange } from "./describe-change";
import { formatUtcMinute } from "./expiry";
import { storedAuditPath } from "@/app/actions/paths";
import { panelClass, Section } from "@/components/ui/panel";

export interface ComparisonViewProps {
  comparison: AuditComparison;
  baseId: string;
  headId: string;
  rules: Record<string, RuleMeta>;
  authorizerNames: Record<string, string>;
  /** This page's own path, for the copy-link button. */
  sharePath: string;
}

type Group = "fixed" | "new" | "unchanged";

const GROUPS: { id: Group; title: string; empty: string; tone: string }[] = [
  { id: "fixed", title: "Fixed", empty: "Nothing from the earlier audit is gone.", tone: "text-emerald-700 dark:text-emerald-400" },
  { id: "new", title: "New", empty: "No new findings.", tone: "text-red-700 dark:text-red-400" },
  { id: "unchanged", title: "Still there", empty: "Nothing remains from the earlier audit.", tone: "text-zinc-700 dark:text-zinc-300" },
];

function FindingLine({
  finding,
  rules,
  authorizerNames,
}: {
  finding: Finding;
  rules: Record<string, RuleMeta>;
  authorizerNames: Record<string, string>;
}) {
  return (
    <li
      className="flex flex-wrap items-baseline gap-2 px-3 py-1.5 text-sm"
      data-testid="compare-finding"
      data-rule={finding.ruleId}
      data-target={findingTargetLabel(finding)}
    >
      <SeverityBadge severity={finding.severity} />
      <span className="font-mono text-xs">{findingTargetLabel(finding, authorizerNames)}</span>
      <span>{rules[finding.ruleId]?.title ?? finding.ruleId}</span>
      {finding.stages.length > 0 ? <span className="text-xs text-zinc-500">({finding.stages.join(", ")})</span> : null}
    </li>
  );
}

/** "Did our fix work": findings fixed, new and remaining between two stored audits, and what changed per method. */
export function ComparisonView({ comparison, baseId, headId, rules, authorizerNames, sharePath }: ComparisonViewProps) {
  const lists: Record<Group, Finding[]> = {
    fixed: comparison.findings.fixed,
    new: comparison.findings.new,
    unchanged: comparison.findings.unchanged.map((pair) => pair.head),
  };
  return (
    <div className="space-y-4" data-testid="comparison">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="flex-1 text-xl font-semibold tracking-tight">
            Compare audits of <span data-testid="api-name">{comparison.api.name}</span>
          </h1>
          <CopyLinkButton path={sharePath} label="Copy comparison link" />
        </div>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          {(
            [
              ["Earlier", baseId, comparison.base, "compare-base"],
              ["Later", headId, comparison.head, "compare-head"],
            ] as const
          ).map(([label, id, side, testId]) => (
            <div key={label} className={panelClass("px-3 py-2")} data-testid={testId}>
              <dt className="text-xs text-zinc-500">
                {label}: read {formatUtcMinute(side.readAt)} ·{" "}
                <Link href={storedAuditPath(id)} className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
                  open
                </Link>
              </dt>
              <dd className="mt-1">
                <SeverityCounts counts={side.counts} testId={`${testId}-counts`} />
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm" aria-live="polite" data-testid="compare-summary">
          <strong>{lists.fixed.length}</strong> fixed, <strong>{lists.new.length}</strong> new, <strong>{lists.unchanged.length}</strong>{" "}
          still there; {comparison.methods.length} method{comparison.methods.length === 1 ? "" : "s"} changed.
        </p>
      </header>

      <div className="grid gap-3 lg:grid-cols-3">
        {GROUPS.map((group) => (
          <Section
            key={group.id}
            headingId={`compare-${group.id}`}
            heading={`${group.title} (${lists[group.id].length})`}
            headingClassName={group.tone}
            data-testid={`compare-${group.id}`}
            data-count={lists[group.id].length}
          >
            {lists[group.id].length === 0 ? (
              <p className="px-3 py-2 text-sm text-zinc-500">{group.empty}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-900">
                {lists[group.id].map((finding, index) => (
                  <FindingLine key={index} finding={finding} rules={rules} authorizerNames={authorizerNames} />
                ))}
              </ul>
            )}
          </Section>
        ))}
      </div>

      <Section headingId="compare-methods-heading" heading="Method configuration changes" data-testid="compare-methods">
        {comparison.methods.length === 0 ? (
          <p className="px-3 py-2 text-sm text-zinc-500">No method&apos;s authorization, API key or integration changed in the draft.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th scope="col" className="px-3 py-1 font-medium">
                  Method
                </th>
                <th scope="col" className="px-3 py-1 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-900">
              {comparison.methods.map((change) => (
                <tr
                  key={`${change.httpMethod} ${change.path}`}
                  data-testid="method-change"
                  data-method={`${change.httpMethod} ${change.path}`}
                  data-kind={change.kind}
                >
                  <td className="px-3 py-1 align-top font-mono text-xs">
                    {change.httpMethod} {change.path}
                  </td>
                  <td className="px-3 py-1">
                    <ul>
                      {describeMethodChange(change).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
