import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { templateApiPath } from "@/app/actions/template-paths";
import { findTemplateAudit } from "@/app/_server/template-view";
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
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/templates" className="hover:underline">
          Template
        </Link>{" "}
        / uploaded {cached.createdAt.slice(0, 16).replace("T", " ")} UTC
      </nav>
      <TemplateResults audit={cached.audit} uploaded={cached.uploaded} expiresAt={cached.expiresAt} apiHref={(index) => templateApiPath(id, index)} />
    </div>
  );
}
