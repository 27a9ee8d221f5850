import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditHeader } from "@/components/audit/audit-header";
import { AuditView } from "@/components/audit/audit-view";
import { ExportMenu } from "@/components/report/export-menu";
import { AuditHistory } from "@/components/share/audit-history";
import { StoredBanner } from "@/components/share/stored-banner";
import { ProbeProvider } from "@/components/probe/probe-context";
import { ProbeResults } from "@/components/probe/probe-results";
import { currentViewer, isAdmitted } from "@/app/_server/session";
import { streamedPageView } from "@/app/_server/streamed-page-view";
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
  const { report } = viewDataFor(stored);
  const readOnly = readOnlyMode();
  // A link opens its own audit for anyone holding it; the API's other audits are for signed-in users.
  const viewer = await currentViewer();
  const admitted = isAdmitted(viewer);
  const history = admitted ? await loadHistory(apiRefOf(report)) : undefined;
  return (
    <div className="space-y-3" data-testid="stored-audit" data-id={stored.id}>
      <StoredBanner
        id={stored.id}
        report={report}
        createdAt={stored.createdAt}
        expiresAt={stored.expiresAt}
        readOnly={readOnly}
        askDeleteToken={viewer.signInRequired}
      />
      <AuditHeader report={report} stored />
      <div className="flex justify-end">
        <ExportMenu base={storedDownloadBase(stored.id)} />
      </div>
      <ProbeProvider initial={report.probe}>
        <ProbeResults />
        <AuditView {...streamedPageView(report)} detail={{ base: `${storedDownloadBase(stored.id)}/view`, readAt: report.readAt }} />
      </ProbeProvider>
      {history ? (
        <AuditHistory audits={history.ok ? history.audits : []} currentId={stored.id} error={history.ok ? undefined : history.message} />
      ) : null}
    </div>
  );
}
