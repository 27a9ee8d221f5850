import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { panelClass } from "@/components/ui/panel";
import { LIMITS_TEXT } from "@/lib/templates/files/upload-rules";

/** The "Template" source beside the connections: audit SAM, CloudFormation, CDK, OpenAPI or Terraform files before deploy. */
export function TemplateSourceCard() {
  return (
    <section
      aria-labelledby="template-source-heading"
      className={panelClass("flex flex-wrap items-center gap-x-4 gap-y-2 p-3")}
      data-testid="template-source"
    >
      <div className="min-w-0 flex-1">
        <h2 id="template-source-heading" className="text-base font-semibold">
          Template
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Audit before deploy: SAM, CloudFormation, CDK output, OpenAPI or Terraform files from your machine, sent only to this Preflight
          server ({LIMITS_TEXT}).
        </p>
      </div>
      <Link href="/templates" className={buttonClass("secondary")} data-testid="open-templates">
        Audit template files
      </Link>
    </section>
  );
}
