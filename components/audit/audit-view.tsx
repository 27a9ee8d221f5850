"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { AuditPageView } from "@/lib/report/audit-page-view";
import { joinAuditPageView, type ViewRest } from "@/lib/report/audit-page-view-split";
import type { WholeApiFixView } from "@/lib/report/fix-views";
import { cx } from "@/components/ui/cx";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { LazyDetails } from "@/components/ui/lazy-details";
import { findingTargetLabel } from "@/components/findings/finding-card";
import { FindingCards } from "@/components/findings/finding-cards";
import { FindingsFilters, type RuleOption } from "@/components/findings/findings-filters";
import { FindingsList } from "@/components/findings/findings-list";
import { filterFindings } from "@/components/findings/findings-filter";
import type { Explainer } from "@/components/findings/explain";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { DetailPanel } from "@/components/matrix/detail-panel";
import { MatrixLegend } from "@/components/matrix/matrix-legend";
import { MethodMatrix } from "@/components/matrix/method-matrix";
import {
  buildMatrix,
  DRAFT_VIEW,
  findingRefs,
  parseCellKey,
  viewTree,
  visibleRows,
  type FindingRef,
} from "@/components/matrix/matrix-model";
import { FixAllPanel } from "@/components/remediation/fix-all-panel";
import { parseViewState, serializeViewState, type AuditTab, type AuditViewState } from "./url-state";
import { DetailSourceProvider, detailUrl, useDetail, useDetailSource, type DetailSource } from "./use-detail";
import { Section } from "@/components/ui/panel";

export interface AuditViewProps {
  /** The server's compact view of the report (lib/report/audit-page-view.ts), or its first part when `rest` follows. */
  view: AuditPageView;
  /**
   * The rest of the view, streamed after the first flush (app/_server/streamed-page-view.ts): the page draws and
   * hydrates the first rows, then joins these when they arrive.
   */
  rest?: Promise<ViewRest>;
  /** Where the cell details, whole findings and the whole-API fix load from ("<api base>/view"), and which read. */
  detail: DetailSource;
}

/** The whole view once the rest has arrived; the first part until then (and whenever the page gets a new one). */
function useWholeView(first: AuditPageView, rest: Promise<ViewRest> | undefined): { view: AuditPageView; failed: boolean } {
  const [joined, setJoined] = useState<{ first: AuditPageView; whole?: AuditPageView; failed?: true }>();
  useEffect(() => {
    if (!rest) return;
    let current = true;
    rest.then(
      // A transition: rows already drawn stay responsive while ten thousand more are laid out.
      (more) => current && startTransition(() => setJoined({ first, whole: joinAuditPageView(first, more) })),
      () => current && setJoined({ first, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [first, rest]);
  const mine = joined?.first === first ? joined : undefined;
  const whole = mine?.whole;
  useEffect(() => {
    // When every row is drawn, for bench:ui (e2e/matrix.bench.ts) and the browser's performance panel.
    if (whole) performance.mark("preflight:rows-complete");
  }, [whole]);
  return { view: whole ?? first, failed: mine?.failed ?? false };
}

export function AuditView({ view: firstView, rest, detail }: AuditViewProps) {
  const { view: pageView, failed: restFailed } = useWholeView(firstView, rest);
  const pendingRows = pageView.rowCount !== undefined ? pageView.rowCount - pageView.rows.length : 0;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo(() => parseViewState(searchParams), [searchParams]);

  // Next.js keeps useSearchParams in sync with the native History API, so state lives in the URL only.
  const update = useCallback(
    (patch: Partial<AuditViewState>, mode: "push" | "replace" = "replace") => {
      const query = serializeViewState({ ...view, ...patch });
      const url = query ? `${pathname}?${query}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname, view],
  );

  // The tree and the findings index are expanded once; stage and filters only re-place findings on cells.
  const tree = useMemo(() => viewTree(pageView), [pageView]);
  const allFindings = useMemo(() => findingRefs(pageView, tree), [pageView, tree]);
  const stageName =
    view.stage === DRAFT_VIEW || (view.stage && pageView.stages.some((stage) => stage.name === view.stage)) ? view.stage : undefined;
  const deferredPath = useDeferredValue(view.path);
  // Keyed by the filter's text, not the arrays parseViewState makes on every URL change: opening a cell changes the
  // URL, and must not re-place ten thousand rows' findings.
  const severityKey = view.severities.join(",");
  const ruleKey = view.rules.join(",");
  const filter = useMemo(
    () => ({ severities: view.severities, rules: view.rules, path: deferredPath }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the keys stand for the arrays
    [severityKey, ruleKey, deferredPath],
  );
  const filtered = useMemo(() => filterFindings(allFindings, filter), [allFindings, filter]);
  const matrix = useMemo(() => buildMatrix(pageView, tree, filtered, stageName), [pageView, tree, filtered, stageName]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const selected = view.cell && parseCellKey(view.cell) ? view.cell : undefined;
  const selectedPath = selected ? parseCellKey(selected)!.path : undefined;
  // A deep-linked cell inside a collapsed subtree is revealed; the path filter is applied to rows too.
  const effectiveCollapsed = useMemo(() => {
    const row = selectedPath ? matrix.rows.find((item) => item.resource.path === selectedPath) : undefined;
    if (!row || !row.ancestorIds.some((id) => collapsed.has(id))) return collapsed;
    return new Set([...collapsed].filter((id) => !row.ancestorIds.includes(id)));
  }, [collapsed, matrix.rows, selectedPath]);
  const rows = useMemo(() => visibleRows(matrix.rows, effectiveCollapsed, deferredPath), [matrix.rows, effectiveCollapsed, deferredPath]);

  const explainer = useMemo<Explainer>(
    () => ({
      ruleTitles: Object.fromEntries(pageView.rules.map((rule) => [rule.id, rule.title])),
      authorizerNames: Object.fromEntries(pageView.authorizers.map((authorizer) => [authorizer.id, authorizer.name])),
    }),
    [pageView],
  );

  const ruleOptions = useMemo<RuleOption[]>(() => {
    const counts = new Map<string, number>();
    for (const finding of allFindings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
    return [...counts.entries()]
      .map(([id, count]) => ({ id, count, title: explainer.ruleTitles[id] ?? id }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [allFindings, explainer]);

  const toggle = useCallback((resourceId: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(resourceId)) next.delete(resourceId);
      else next.add(resourceId);
      return next;
    });
  }, []);

  const select = useCallback((key: string) => update({ cell: key, tab: "matrix" }, "push"), [update]);
  const hrefForCell = useCallback(
    (key: string) => `${pathname}?${serializeViewState({ ...view, cell: key, tab: "matrix" })}`,
    [pathname, view],
  );

  const tabs: { id: AuditTab; label: string }[] = [
    { id: "matrix", label: "Matrix" },
    { id: "findings", label: `Findings (${filtered.length})` },
    { id: "fix", label: "Fix everything" },
  ];
  const selectedRow = selectedPath ? matrix.rows.find((item) => item.resource.path === selectedPath) : undefined;

  return (
    <DetailSourceProvider value={detail}>
      <div className="space-y-3" data-testid="audit-view" data-rows={pageView.rows.length} data-complete={pendingRows === 0}>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-y border-zinc-200 py-2 dark:border-zinc-800">
          <label className="flex items-center gap-1 text-xs">
            <span className="text-zinc-500 dark:text-zinc-400">Stage</span>
            <select
              data-testid="stage-select"
              value={matrix.draft ? DRAFT_VIEW : (matrix.stage?.name ?? "")}
              disabled={pageView.stages.length === 0}
              onChange={(event) => update({ stage: event.target.value })}
              className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono dark:border-zinc-700 dark:bg-zinc-900"
            >
              {pageView.stages.length === 0 ? <option value="">no stages</option> : null}
              {pageView.stages.map((stage) => (
                <option key={stage.name} value={stage.name}>
                  {stage.name}
                  {stage.deployed ? "" : " (not deployed)"}
                  {stage.deploymentUnknown ? " (deployed state unknown)" : ""}
                  {stage.canaryPercent !== undefined ? ` (canary ${stage.canaryPercent} %)` : ""}
                </option>
              ))}
              {pageView.stages.length > 0 ? <option value={DRAFT_VIEW}>draft (current configuration)</option> : null}
            </select>
          </label>
          <FindingsFilters
            filter={{ severities: view.severities, rules: view.rules, path: view.path }}
            counts={pageView.counts}
            rules={ruleOptions}
            onChange={(next) => update({ severities: next.severities, rules: next.rules, path: next.path })}
          />
          <div role="tablist" aria-label="Views" className="ml-auto flex gap-1 text-sm">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={view.tab === tab.id}
                aria-controls={`panel-${tab.id}`}
                data-testid={`tab-${tab.id}`}
                onClick={() => update({ tab: tab.id })}
                className={cx(
                  "rounded-md px-2.5 py-1",
                  view.tab === tab.id
                    ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
                )}
              >
                {tab.label}
              </button>
            ))}
          </div>
        </div>

        {view.tab === "fix" ? (
          <div role="tabpanel" id="panel-fix" aria-labelledby="tab-fix">
            <FixAll apiName={pageView.apiName} />
          </div>
        ) : view.tab === "findings" ? (
          <div role="tabpanel" id="panel-findings" aria-labelledby="tab-findings">
            <FindingsList
              findings={filtered}
              total={allFindings.length}
              explainer={explainer}
              hrefForCell={hrefForCell}
              onOpenCell={select}
            />
          </div>
        ) : (
          <div role="tabpanel" id="panel-matrix" aria-labelledby="tab-matrix" className="space-y-3">
            <MatrixLegend />
            {pendingRows > 0 ? <PendingRows count={pendingRows} failed={restFailed} /> : null}
            {matrix.apiFindings.length > 0 ? <ApiWideFindings findings={matrix.apiFindings} explainer={explainer} /> : null}
            {pageView.rows.length === 0 ? (
              <EmptyState title="This API has no resources" testId="matrix-empty" />
            ) : rows.length === 0 ? (
              <EmptyState title="No resource path matches the filter" testId="matrix-empty">
                Clear the path filter to see all {matrix.rows.length} resources.
              </EmptyState>
            ) : (
              <div className={cx("grid gap-3", selected && "xl:grid-cols-[minmax(0,1fr)_26rem]")}>
                <MethodMatrix
                  matrix={matrix}
                  rows={rows}
                  complete={pendingRows === 0}
                  collapsed={effectiveCollapsed}
                  onToggle={toggle}
                  selectedKey={selected}
                  onSelect={select}
                />
                {selected ? (
                  <div className="xl:max-h-[max(24rem,calc(100vh-12rem))] xl:overflow-auto">
                    <DetailPanel
                      cellKey={selected}
                      cell={matrix.cells.get(selected)}
                      stage={matrix.draft ? DRAFT_VIEW : matrix.stage?.name}
                      rowFindings={selectedRow?.findings ?? []}
                      onClose={() => update({ cell: undefined }, "push")}
                      onSelect={select}
                    />
                  </div>
                ) : null}
              </div>
            )}
          </div>
        )}
      </div>
    </DetailSourceProvider>
  );
}

/** The rows still on their way (a large API's page streams them after the first screen). */
function PendingRows({ count, failed }: { count: number; failed: boolean }) {
  if (failed)
    return (
      <Callout tone="error" title="Some resources did not arrive" testId="rows-failed">
        The page shows the first resources only ({count.toLocaleString("en")} did not load). Reload the page to see them all.
      </Callout>
    );
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="rows-pending" role="status" aria-live="polite">
      Loading {count.toLocaleString("en")} more resources…
    </p>
  );
}

function ApiWideFindings({ findings, explainer }: { findings: FindingRef[]; explainer: Explainer }) {
  return (
    <Section
      headingId="api-wide-heading"
      heading={`API-wide findings (${findings.length}): gateway responses, authorizers, stages`}
      tone="shaded"
      data-testid="api-wide-findings"
    >
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-900">
        {findings.map((finding) => (
          <li key={finding.index} className="px-3 py-1.5 text-sm" data-testid="api-wide-finding" data-rule={finding.ruleId}>
            <LazyDetails
              summary={
                <summary className="flex cursor-pointer items-center gap-2">
                  <SeverityBadge severity={finding.severity} />
                  <span className="font-mono text-xs">{findingTargetLabel(finding, explainer.authorizerNames)}</span>
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
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** "Fix everything": one plan over every fixable finding, built on the server when the tab opens. */
function FixAll({ apiName }: { apiName: string }) {
  const source = useDetailSource();
  const loaded = useDetail<WholeApiFixView>(source ? detailUrl(source, "fix") : undefined);
  if (loaded.status === "loading")
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="fix-all-loading" aria-live="polite">
        Generating the fix for every finding…
      </p>
    );
  if (loaded.status === "error")
    return (
      <Callout tone="error" title="The whole-API fix could not be loaded" testId="fix-all-error">
        {loaded.message}
      </Callout>
    );
  return <FixAllPanel fix={loaded.value} apiName={apiName} />;
}
