import type { Metadata } from "next";
import Link from "next/link";
import { AuditHeader } from "@/components/audit/audit-header";
import { AuditView } from "@/components/audit/audit-view";
import { ReaderError } from "@/components/connect/reader-error";
import { liveDownloadBase, loadAudit } from "@/app/_server/audit";
import { apiRefOf, loadHistory, readOnlyMode } from "@/app/_server/share";
import { ExportMenu } from "@/components/report/export-menu";
import { AuditHistory } from "@/components/share/audit-history";
import { LiveAuditRefused } from "@/components/share/live-audit-refused";
import { ShareButton } from "@/components/share/share-button";
import { LivePatchPanel } from "@/components/audit/live-patch-panel";
import { patchLiveApi } from "@/app/actions/live-patch";
import { ProbeProvider } from "@/components/probe/probe-context";
import { ProbePanel } from "@/components/probe/probe-panel";
import { refreshLiveAudit } from "@/app/actions/refresh";
import { streamedPageView } from "@/app/_server/streamed-page-view";

interface Params {
  connection: string;
  region: string;
  apiId: string;
}

function decode(params: Params): Params {
  return {
    connection: decodeURIComponent(params.connection),
    region: decodeURIComponent(params.region),
    apiId: decodeURIComponent(params.apiId),
  };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { apiId, region } = decode(await params);
  return { title: `${apiId} (${region})` };
}

export default async function AuditPage({ params }: { params: Promise<Params> }) {
  const { connection, region, apiId } = decode(await params);
  // A team viewer (PREFLIGHT_READ_ONLY=1) has no AWS connections: refuse before any credential is looked up.
  if (readOnlyMode()) return <LiveAuditRefused apiId={apiId} region={region} />;
  const loaded = await loadAudit(connection, region, apiId);
  if (!loaded.ok) {
    return (
      <div className="max-w-3xl space-y-3" data-testid="audit-error">
        <h1 className="text-xl font-semibold tracking-tight">
          Could not audit <span className="font-mono">{apiId}</span> in <span className="font-mono">{region}</span>
        </h1>
        <ReaderError error={loaded.error} />
        <Link
          href={`/?connection=${encodeURIComponent(connection)}`}
          className="text-sm text-blue-700 underline underline-offset-2 dark:text-blue-400"
        >
          Back to the API list
        </Link>
      </div>
    );
  }
  // Shared snapshots of this API (issue #8): a store failure shows in the history box, never breaks the audit.
  const history = await loadHistory(apiRefOf(loaded.report));
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500 dark:text-zinc-400">
        <Link href={`/?connection=${encodeURIComponent(connection)}`} className="hover:underline">
          {connection === "demo" ? "Demo" : connection}
        </Link>{" "}
        / <span className="font-mono">{region}</span> / <span className="font-mono">{apiId}</span>
      </nav>
      <AuditHeader report={loaded.report} cached={loaded.fromCache} reread={refreshLiveAudit.bind(null, connection, region, apiId)} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <ShareButton connection={connection} region={region} apiId={apiId} />
        <ExportMenu base={liveDownloadBase(connection, region, apiId)} />
      </div>
      <ProbeProvider initial={loaded.report.probe}>
        <ProbePanel
          connection={connection}
          region={region}
          apiId={apiId}
          stages={loaded.report.model.stages.filter((stage) => stage.deploymentId).map((stage) => stage.name)}
          {...(loaded.report.model.api.endpointTypes.includes("PRIVATE")
            ? { notProbeable: "This is a PRIVATE API: it answers only from inside its VPC, so it is not probeable from here." }
            : {})}
        />
        <AuditView
          {...streamedPageView(loaded.report)}
          detail={{ base: `${liveDownloadBase(connection, region, apiId)}/view`, readAt: loaded.report.readAt }}
        />
      </ProbeProvider>
      <LivePatchPanel
        connection={connection}
        region={region}
        apiId={apiId}
        {...(loaded.report.model.api.stack ? { stack: loaded.report.model.api.stack } : {})}
        stackPatchHref={`${liveDownloadBase(connection, region, apiId)}/patch`}
        action={patchLiveApi}
      />
      <AuditHistory audits={history.ok ? history.audits : []} error={history.ok ? undefined : history.message} />
    </div>
  );
}
