import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { templateApiPath } from "@/app/actions/template-paths";
import { findTemplateAudit } from "@/app/_server/template-view";
import { TemplateBreadcrumb, uploadedAt } from "@/components/templates/template-breadcrumb";
import { TemplateResults } from "@/components/templates/template-results";

// The id is the only key to an uploaded template's audit: keep it out of search indexes, like shared links.
export const metadata: Metadata = { title: "Template audit", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function TemplateAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cached = findTemplateAudit(id);
  if (!cached) notFound();
  return (
    <div className="space-y-3">
      <TemplateBreadcrumb
        crumbs={[
          { label: "Sources", href: "/" },
          { label: "Template", href: "/templates" },
          { label: `uploaded ${uploadedAt(cached.createdAt)}` },
        ]}
      />
      <TemplateResults
        audit={cached.audit}
        uploaded={cached.uploaded}
        expiresAt={cached.expiresAt}
        apiHref={(index) => templateApiPath(id, index)}
      />
    </div>
  );
}
