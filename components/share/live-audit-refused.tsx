import Link from "next/link";
import { ReadOnlyNotice } from "./read-only-notice";

/** What a read-only viewer shows instead of a live audit: it has no connections to read the API with. */
export function LiveAuditRefused({ apiId, region }: { apiId: string; region: string }) {
  return (
    <div className="max-w-3xl space-y-3" data-testid="live-audit-refused">
      <h1 className="text-xl font-semibold tracking-tight">
        Live audits are off: <span className="font-mono">{apiId}</span> in <span className="font-mono">{region}</span> was not read
      </h1>
      <ReadOnlyNotice />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Ask whoever shared this API with you for a link to a stored audit, or pick one of the{" "}
        <Link href="/" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
          recent shared audits
        </Link>
        .
      </p>
    </div>
  );
}
