import Link from "next/link";
import type { AuditReport } from "@/lib/audit/types";
import { describeSource } from "@/lib/audit/source";
import { buttonClass } from "@/components/ui/button";
import { DeleteAuditButton } from "./delete-audit-button";
import { formatUtcMinute } from "./expiry";
import { liveAuditPath } from "@/app/actions/paths";

export interface StoredBannerProps {
  id: string;
  report: AuditReport;
  createdAt: string;
  expiresAt?: string;
  readOnly: boolean;
  /** Sign-in is configured: deleting asks for the delete token (the signed-in owner may leave it empty). */
  askDeleteToken?: boolean;
}

/** Says this is a stored snapshot (when, from where), with a way back to the live API and the stored JSON. */
export function StoredBanner({ id, report, createdAt, expiresAt, readOnly, askDeleteToken = false }: StoredBannerProps) {
  const { api, source } = report;
  return (
    <section
      aria-label="Stored audit"
      data-testid="stored-banner"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
    >
      <p className="min-w-0 flex-1">
        <span className="font-medium">Stored audit.</span> Read <time dateTime={report.readAt}>{formatUtcMinute(report.readAt)}</time> from
        account{" "}
        <span className="font-mono" data-testid="stored-account">
          {api.accountId ?? "unknown"}
        </span>
        , region <span className="font-mono">{api.region}</span>, API <span className="font-mono">{api.name}</span> (
        <span className="font-mono">{api.id}</span>){" "}
        {source.kind === "live" ? (
          <>
            through the <span className="font-mono">{source.connection}</span> connection
          </>
        ) : (
          <>
            from <span className="font-mono">{describeSource(source)}</span>, before deploy
          </>
        )}
        ; shared <time dateTime={createdAt}>{formatUtcMinute(createdAt)}</time>
        {expiresAt ? (
          <>
            , link expires <time dateTime={expiresAt}>{formatUtcMinute(expiresAt)}</time>
          </>
        ) : (
          ", link does not expire"
        )}
        . It shows the API as it was then, not as it is now.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {readOnly || source.kind !== "live" ? null : (
          <Link href={liveAuditPath({ api, source })} className={buttonClass("secondary")} data-testid="read-live">
            Read live again
          </Link>
        )}
        <a
          href={`/api/audits/${id}`}
          download={`preflight-audit-${api.id}-${id}.json`}
          className={buttonClass("secondary")}
          data-testid="download-json"
        >
          Download JSON
        </a>
        <DeleteAuditButton id={id} readOnly={readOnly} askToken={askDeleteToken} />
      </div>
    </section>
  );
}
