import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { shareTemplateAudit } from "@/app/actions/template-share";
import { templateAuditPath, templateDownloadBase } from "@/app/actions/template-paths";
import { loadTemplateApi } from "@/app/_server/template-view";
import { AuditHeader } from "@/components/audit/audit-header";
import { AuditView } from "@/components/audit/audit-view";
import { ExportMenu } from "@/components/report/export-menu";
import { ShareButton } from "@/components/share/share-button";

interface Params {
  id: string;
  n: string;
}

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id, n } = await params;
  const view = loadTemplateApi(id, n);
  const name = view?.report.source.kind === "template" ? view.report.source.apiName : undefined;
  return { title: name ? `${name} (template)` : "Template audit not found", robots: { index: false, follow: false } };
}

/** One REST API of an uploaded template: the same view as a live audit, from the cached report. */
export default async function TemplateApiPage({ params }: { params: Promise<Params> }) {
  const { id, n } = await params;
  const view = loadTemplateApi(id, n);
  if (!view) notFound();
  const { report, rules, fixDownloadBase, index, cached } = view;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/templates" className="hover:underline">
          Template
        </Link>{" "}
        /{" "}
        <Link href={templateAuditPath(id)} className="hover:underline">
          {cached.audit.reports.length} API{cached.audit.reports.length === 1 ? "" : "s"} uploaded {cached.createdAt.slice(0, 16).replace("T", " ")} UTC
        </Link>{" "}
        / <span className="font-mono">{report.source.kind === "template" ? report.source.apiName : report.api.name}</span>
      </nav>
      {/* `stored`: nothing to refresh; the cache holds the one read of the uploaded files. */}
      <AuditHeader report={report} stored />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <ShareButton templateAudit={id} api={String(index)} action={shareTemplateAudit} />
        <ExportMenu base={templateDownloadBase(id, index)} />
      </div>
      <AuditView report={report} rules={rules} fixDownloadBase={fixDownloadBase} />
    </div>
  );
}
