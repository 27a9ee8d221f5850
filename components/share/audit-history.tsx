import Link from "next/link";
import type { AuditSummary } from "@/lib/share/audit-store";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { cx } from "@/components/ui/cx";
import { formatUtcMinute } from "./expiry";
import { comparePath, storedAuditPath } from "@/app/actions/paths";
import { Section } from "@/components/ui/panel";

export interface AuditHistoryProps {
  audits: AuditSummary[];
  /** The stored audit being viewed: other entries compare against it. Without it, each entry compares with the one before. */
  currentId?: string;
  /** Set when the history could not be read; the rest of the page still works. */
  error?: string;
}

const linkClass = "text-blue-700 underline underline-offset-2 dark:text-blue-400";

/** Every shared audit of one API, newest first, with links to open each and to compare them. */
export function AuditHistory({ audits, currentId, error }: AuditHistoryProps) {
  return (
    <Section headingId="history-heading" heading="Shared audits of this API" data-testid="audit-history">
      {error ? (
        <p className="px-3 py-2 text-sm text-red-700 dark:text-red-400" role="alert" data-testid="history-error">
          Could not list shared audits: {error}
        </p>
      ) : audits.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="history-empty">
          None yet. Share this audit to keep a snapshot you can compare after a fix.
        </p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-900">
          {audits.map((audit, index) => {
            const current = audit.id === currentId;
            const compareWith = currentId ? (current ? undefined : currentId) : audits[index + 1]?.id;
            return (
              <li
                key={audit.id}
                data-testid="history-entry"
                data-id={audit.id}
                aria-current={current ? "page" : undefined}
                className={cx("flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-1.5 text-sm", current && "bg-zinc-50 dark:bg-zinc-900")}
              >
                <time dateTime={audit.readAt} className="font-mono text-xs tabular-nums">
                  read {formatUtcMinute(audit.readAt)}
                </time>
                <SeverityCounts counts={audit.counts} testId="history-counts" />
                {audit.partial ? <span className="text-xs text-amber-700 dark:text-amber-400">partial read</span> : null}
                {audit.expiresAt ? (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">expires {formatUtcMinute(audit.expiresAt)}</span>
                ) : null}
                <span className="ml-auto flex gap-3 text-xs">
                  {current ? (
                    <span className="text-zinc-500 dark:text-zinc-400">viewing</span>
                  ) : (
                    <Link href={storedAuditPath(audit.id)} className={linkClass} data-testid="history-open">
                      open
                    </Link>
                  )}
                  {compareWith ? (
                    <Link href={comparePath(compareWith, audit.id)} className={linkClass} data-testid="history-compare">
                      {currentId ? "compare with this one" : "compare with previous"}
                    </Link>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
