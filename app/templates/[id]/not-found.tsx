import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function TemplateAuditNotFound() {
  return (
    <EmptyState title="No template audit at this address" testId="template-audit-not-found">
      <p>
        Audits of uploaded templates stay in this server&apos;s memory for an hour (and not across a restart). Upload the files again, or
        open a shared link.
      </p>
      <Link href="/templates" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
        Upload template files
      </Link>
    </EmptyState>
  );
}
