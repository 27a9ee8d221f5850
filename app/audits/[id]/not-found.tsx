import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function StoredAuditNotFound() {
  return (
    <EmptyState title="No shared audit at this link" testId="audit-not-found">
      <p>The link may be mistyped, or the audit was deleted or has expired. Ask whoever shared it for a new link.</p>
      <Link href="/audits" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
        Open another shared link
      </Link>
    </EmptyState>
  );
}
