import type { AuditReport } from "@/lib/audit/types";
import { TEMPLATE_FORMAT_LABELS } from "@/lib/audit/source";
import { Callout } from "@/components/ui/callout";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { RefreshButton } from "./refresh-button";

/** "2026-11-22T01:50:43.123Z" → "2026-11-22 01:50:43 UTC": the same text on server and client (no locale or zone). */
export function formatReadTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/**
 * `stored`: the report is a stored snapshot (/audits/<id>), so there is nothing to refresh. `reread`: a live
 * audit's Refresh action (forces a new read past the cache); `cached`: the report came from that cache.
 */
export function AuditHeader({
  report,
  stored = false,
  reread,
  cached = false,
}: {
  report: AuditReport;
  stored?: boolean;
  reread?: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  cached?: boolean;
}) {
  const { api } = report.model;
  const facts: [string, string][] = [
    ["ID", api.id],
    ["Region", api.region],
    ["Account", api.accountId ?? "unknown"],
    ["Endpoint", api.endpointTypes.join(", ") || "unknown"],
    report.source.kind === "live"
      ? ["Connection", report.source.connection + (report.source.customEndpoint ? " (custom endpoint)" : "")]
      : ["Template", `${TEMPLATE_FORMAT_LABELS[report.source.format]} · ${report.source.files.join(", ")} · ${report.source.apiName}`],
    report.source.kind === "live"
      ? [
          "Read",
          `${formatReadTime(report.readAt)} · ${report.stats.totalCalls} calls · ${(report.stats.wallTimeMs / 1000).toFixed(1)}s${cached ? " · cached" : ""}`,
        ]
      : ["Read", `${formatReadTime(report.readAt)} · before deploy`],
    // From the API's aws:cloudformation:* tags; React escapes the text (names are the user's).
    ...(api.stack ? [["Stack", `${api.stack.stackName} · logical id ${api.stack.logicalId}`] as [string, string]] : []),
  ];
  const missing = report.model.missing;
  // Partial-read warnings repeat model.missing (listed above); the rest are notes about the read.
  const notes = report.warnings.filter((warning) => warning.code !== "partial-read");
  return (
    <header className="space-y-2" data-testid="audit-header" data-read-ms={report.stats.wallTimeMs}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="api-name">
            {api.name}
          </h1>
          {api.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{api.description}</p> : null}
        </div>
        <SeverityCounts counts={report.counts} testId="report-counts" />
        {stored ? null : <RefreshButton {...(reread ? { reread } : {})} />}
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1">
            <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
      </dl>
      {report.partial || missing.length > 0 ? (
        <Callout tone="warning" title="Partial read: some findings may be missing" testId="partial-warning">
          <ul className="list-disc pl-4">
            {missing.map((part, index) => (
              <li key={index}>
                {part.operation}
                {part.detail ? ` (${part.detail})` : ""}: {part.reason}
              </li>
            ))}
          </ul>
          {report.notEvaluated.length > 0 ? (
            <p className="mt-1">
              Not evaluated: {report.notEvaluated.map((rule) => `${rule.ruleId} (needs ${rule.missing.join(", ")})`).join("; ")}.
            </p>
          ) : null}
        </Callout>
      ) : null}
      {notes.length > 0 ? (
        <ul className="space-y-0.5 text-xs text-zinc-500 dark:text-zinc-400" data-testid="read-notes">
          {notes.map((warning, index) => (
            <li key={index}>Note: {warning.message}</li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
