import Link from "next/link";
import type { RecentAuditSummary } from "@/lib/share/audit-store";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { formatUtcMinute } from "./expiry";
import { storedAuditPath } from "@/app/actions/paths";
import { Section } from "@/components/ui/panel";

export interface RecentAuditsProps {
  audits: RecentAuditSummary[];
  /** Set when the store could not be read; the notice above still says what this viewer is. */
  error?: string;
}

/** The newest stored audits of every API: the team viewer's home page. */
export function RecentAudits({ audits, error }: RecentAuditsProps) {
  return (
    <Section headingId="recent-heading" heading="Recently shared audits" data-testid="recent-audits">
      {error ? (
        <p className="px-3 py-2 text-sm text-red-700 dark:text-red-400" role="alert" data-testid="recent-error">
          Could not list shared audits: {error}
        </p>
      ) : audits.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="recent-empty">
          Nobody has shared an audit yet. Audits shared from a Preflight with AWS connections on the same store appear here.
        </p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-900">
          {audits.map((audit) => (
            <li
              key={audit.id}
              data-testid="recent-audit"
              data-id={audit.id}
              data-api-id={audit.apiId}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm"
            >
              <Link
                href={storedAuditPath(audit.id)}
                className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-400"
                data-testid="recent-open"
              >
                {audit.apiName}
              </Link>
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {audit.apiId} · {audit.region} · {audit.accountId ?? "account unknown"}
              </span>
              <SeverityCounts counts={audit.counts} testId="recent-counts" />
              {audit.partial ? <span className="text-xs text-amber-700 dark:text-amber-400">partial read</span> : null}
              <time dateTime={audit.readAt} className="ml-auto font-mono text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
                read {formatUtcMinute(audit.readAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
