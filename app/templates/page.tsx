import type { Metadata } from "next";
import { auditUploadedTemplates } from "@/app/actions/templates";
import { readOnlyMode } from "@/app/_server/share";
import { ReadOnlyNotice } from "@/components/share/read-only-notice";
import { TemplateBreadcrumb } from "@/components/templates/template-breadcrumb";
import { TemplateUpload } from "@/components/templates/template-upload";

export const metadata: Metadata = { title: "Audit templates" };
// Read-only mode is read per request, like the home page.
export const dynamic = "force-dynamic";

export default function TemplatesPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <TemplateBreadcrumb crumbs={[{ label: "Sources", href: "/" }, { label: "Template" }]} />
      <section className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Audit templates before deploy</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          SAM, CloudFormation (JSON or YAML), CDK output (<code className="font-mono">*.template.json</code>), OpenAPI 3 / Swagger 2 with
          API Gateway extensions and Terraform (<code className="font-mono">.tf</code> or{" "}
          <code className="font-mono">terraform show -json</code>): each REST API they define gets the same matrix, findings and fixes as a
          deployed one, with the file and line of every finding.
        </p>
      </section>
      {readOnlyMode() ? (
        <div data-testid="templates-refused">
          <ReadOnlyNotice />
        </div>
      ) : (
        <TemplateUpload action={auditUploadedTemplates} />
      )}
    </div>
  );
}
