import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditHeader } from "@/components/audit/audit-header";
import { AuditView } from "@/components/audit/audit-view";
import { ExportMenu } from "@/components/report/export-menu";
import { AuditHistory } from "@/components/share/audit-history";
import { StoredBanner } from "@/components/share/stored-banner";
import { ProbeProvider } from "@/components/probe/probe-context";
import { ProbeResults } from "@/components/probe/probe-results";
import { apiRefOf, findStoredAudit, loadHistory, readOnlyMode, storedDownloadBase, viewDataFor } from "@/app/_server/share";

interface Params {
  id: string;
}

// Shared links are private by construction (128-bit ids): keep them out of search indexes.
export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const stored = await findStoredAudit((await params).id);
  const title = stored ? `Stored audit of ${stored.snapshot.report.api.name}` : "Stored audit not found";
  return { title, robots: { index: false, follow: false } };
}

export default async function StoredAuditPage({ params }: { params: Promise<Params> }) {
  const stored = await findStoredAudit((await params).id);
  if (!stored) notFound();
  const { report, rules, fixDownloadBase } = viewDataFor(stored);
  const readOnly = readOnlyMode();
  const history = await loadHistory(apiRefOf(report));
  return (
    <div className="space-y-3" data-testid="stored-audit" data-id={stored.id}>
      <StoredBanner id={stored.id} report={report} createdAt={stored.createdAt} expiresAt={stored.expiresAt} readOnly={readOnly} />
      <AuditHeader report={report} stored />
      <div className="flex justify-end">
        <ExportMenu base={storedDownloadBase(stored.id)} />
      </div>
      <ProbeProvider initial={report.probe}>
        <ProbeResults />
        <AuditView report={report} rules={rules} fixDownloadBase={fixDownloadBase} />
      </ProbeProvider>
      <AuditHistory audits={history.ok ? history.audits : []} currentId={stored.id} error={history.ok ? undefined : history.message} />
    </div>
  );
}
