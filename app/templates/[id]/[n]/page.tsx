import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { shareTemplateAudit } from "@/app/actions/template-share";
import { templateAuditPath, templateDownloadBase } from "@/app/actions/template-paths";
import { loadTemplateApi } from "@/app/_server/template-view";
import { AuditHeader } from "@/components/audit/audit-header";
import { AuditView } from "@/components/audit/audit-view";
import { ExportMenu } from "@/components/report/export-menu";
import { ShareButton } from "@/components/share/share-button";
import { TemplateBreadcrumb, uploadedAt } from "@/components/templates/template-breadcrumb";
import { TemplatePatchPanel } from "@/components/templates/template-patch-panel";
import { templatePatchFor } from "@/app/_server/template-patch";
import { streamedPageView } from "@/app/_server/streamed-page-view";

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
  const { report, index, cached } = view;
  const apiCount = cached.audit.reports.length;
  const patch = templatePatchFor(view);
  return (
    <div className="space-y-3">
      <TemplateBreadcrumb
        crumbs={[
          { label: "Sources", href: "/" },
          { label: "Template", href: "/templates" },
          { label: `${apiCount} API${apiCount === 1 ? "" : "s"} uploaded ${uploadedAt(cached.createdAt)}`, href: templateAuditPath(id) },
          { label: report.source.kind === "template" ? report.source.apiName : report.api.name, mono: true },
        ]}
      />
      {/* `stored`: nothing to refresh; the cache holds the one read of the uploaded files. */}
      <AuditHeader report={report} stored />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <ShareButton templateAudit={id} api={String(index)} action={shareTemplateAudit} />
        <ExportMenu base={templateDownloadBase(id, index)} />
      </div>
      {patch && patch.diff !== "" ? (
        <TemplatePatchPanel
          text={patch.text}
          downloadHref={`${templateDownloadBase(id, index)}/patch`}
          files={patch.patched.size}
          fixed={patch.fixed.length}
        />
      ) : null}
      <AuditView {...streamedPageView(report)} detail={{ base: `${templateDownloadBase(id, index)}/view`, readAt: report.readAt }} />
    </div>
  );
}
