"use client";

import { EmptyState } from "@/components/ui/empty-state";
import type { FindingRef } from "@/components/matrix/matrix-model";
import { SEVERITY_STYLES } from "./severity";
import { SeverityGlyph } from "./severity-badge";
import { findingTargetLabel } from "./finding-card";
import { FindingCards } from "./finding-cards";
import { groupFindings } from "./findings-filter";
import type { Explainer } from "./explain";
import { LazyDetails } from "@/components/ui/lazy-details";
import { Section } from "@/components/ui/panel";

export function FindingsList({
  findings,
  total,
  explainer,
  hrefForCell,
  onOpenCell,
}: {
  findings: FindingRef[];
  /** Before filtering, to tell "no findings" from "none match". */
  total: number;
  explainer: Explainer;
  hrefForCell: (key: string) => string;
  onOpenCell: (key: string) => void;
}) {
  if (findings.length === 0) {
    return total === 0 ? (
      <EmptyState title="No findings" testId="findings-empty">
        Every rule passed: no OPTIONS behind an authorizer or API key, CORS on error responses, and no risky caching.
      </EmptyState>
    ) : (
      <EmptyState title="No findings match the filters" testId="findings-empty">
        {total} finding{total === 1 ? "" : "s"} hidden by the filters.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4" data-testid="findings-list">
      {groupFindings(findings).map((group) => (
        <section key={group.severity} aria-labelledby={`sev-${group.severity}`} data-testid="severity-group" data-severity={group.severity}>
          <h2
            id={`sev-${group.severity}`}
            className={`mb-1 flex items-center gap-1.5 text-sm font-semibold ${SEVERITY_STYLES[group.severity].text}`}
          >
            <SeverityGlyph severity={group.severity} />
            {SEVERITY_STYLES[group.severity].label}
            <span className="tabular-nums text-zinc-500 dark:text-zinc-400">({group.count})</span>
          </h2>
          <div className="space-y-2">
            {group.rules.map((rule) => (
              <Section
                key={rule.ruleId}
                level={3}
                tone="shaded"
                headingClassName="flex items-center gap-2"
                heading={
                  <>
                    {explainer.ruleTitles[rule.ruleId] ?? rule.ruleId}
                    <code className="text-[11px] font-normal text-zinc-500 dark:text-zinc-400">{rule.ruleId}</code>
                    <span className="ml-auto text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{rule.findings.length}</span>
                  </>
                }
                data-testid="rule-group"
                data-rule={rule.ruleId}
              >
                <ul className="divide-y divide-zinc-100 dark:divide-zinc-900">
                  {rule.findings.map((finding) => {
                    const cell = finding.cellKey;
                    return (
                      <li
                        key={finding.index}
                        data-testid="finding-row"
                        data-rule={finding.ruleId}
                        data-cell={cell}
                        className="px-3 py-1.5 text-sm"
                      >
                        <div className="flex items-start gap-2">
                          <LazyDetails
                            className="min-w-0 flex-1"
                            summary={
                              <summary className="flex cursor-pointer items-baseline gap-2">
                                <span className="shrink-0 font-mono text-xs">{findingTargetLabel(finding, explainer.authorizerNames)}</span>
                                {/* The message comes with the card: the index carries the rule, not each finding's text. */}
                                <span className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-400">
                                  {explainer.ruleTitles[finding.ruleId] ?? finding.ruleId}
                                </span>
                              </summary>
                            }
                          >
                            <div className="mt-2">
                              <FindingCards indexes={[finding.index]} />
                            </div>
                          </LazyDetails>
                          {cell ? (
                            // Outside the summary: a link inside a disclosure button is a nested interactive control.
                            <a
                              href={hrefForCell(cell)}
                              data-testid="open-cell"
                              onClick={(event) => {
                                event.preventDefault();
                                onOpenCell(cell);
                              }}
                              className="shrink-0 text-xs text-blue-700 underline underline-offset-2 dark:text-blue-400"
                            >
                              Show in matrix
                            </a>
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </Section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
