import Link from "next/link";
import { TEMPLATE_FORMAT_LABELS } from "@/lib/audit/source";
import type { AuditReport } from "@/lib/audit/types";
import type { TemplateAudit } from "@/lib/templates/audit-templates";
import { candidateFile } from "@/lib/templates/files/file-tree";
import { terraformVariables } from "@/lib/templates/files/upload-rules";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { formatUtcMinute } from "@/components/share/expiry";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";

export interface TemplateResultsProps {
  audit: TemplateAudit;
  uploaded: string[];
  expiresAt: string;
  /** Link to the n-th API's audit (1-based). */
  apiHref: (index: number) => string;
}

function apiTitle(report: AuditReport): string {
  return report.source.kind === "template" ? report.source.apiName : report.api.name;
}

/** Every REST API one upload defined, with its format, files and findings, then what could not be read. */
export function TemplateResults({ audit, uploaded, expiresAt, apiHref }: TemplateResultsProps) {
  const { reports, errors, skipped } = audit;
  // Uploaded but never opened as a template (the loader only opens template extensions); a template may still include them.
  const notTemplates = uploaded.filter((path) => {
    const name = path.split("/").at(-1) ?? "";
    return !candidateFile(name) && !terraformVariables(name);
  });
  return (
    <div className="space-y-4" data-testid="template-results">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">
          {reports.length} REST API{reports.length === 1 ? "" : "s"} in {uploaded.length} uploaded file{uploaded.length === 1 ? "" : "s"}
        </h1>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Kept on this server until {formatUtcMinute(expiresAt)}; share an API&apos;s audit to keep it longer or show it to someone.
        </p>
      </header>
      {reports.length === 0 ? (
        <EmptyState title="No REST API found in these files" testId="no-apis">
          Preflight reads API Gateway REST APIs from SAM, CloudFormation, CDK output, OpenAPI and Terraform.
        </EmptyState>
      ) : (
        <table className="w-full text-sm" data-testid="template-apis">
          <caption className="sr-only">REST APIs found in the uploaded files</caption>
          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                API
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Format
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Files
              </th>
              <th scope="col" className="py-1 font-medium">
                Findings
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-900">
            {reports.map((report, index) => (
              <tr key={index} data-testid="template-api" data-api={apiTitle(report)}>
                <td className="py-1.5 pr-3">
                  <Link href={apiHref(index + 1)} className="font-mono text-blue-700 underline underline-offset-2 dark:text-blue-400">
                    {apiTitle(report)}
                  </Link>
                  {report.source.kind === "template" && report.source.constructPath ? (
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">{report.source.constructPath}</span>
                  ) : null}
                </td>
                <td className="py-1.5 pr-3">{report.source.kind === "template" ? TEMPLATE_FORMAT_LABELS[report.source.format] : "live"}</td>
                <td className="py-1.5 pr-3 font-mono text-xs">{report.source.kind === "template" ? report.source.files.join(", ") : ""}</td>
                <td className="py-1.5">
                  <SeverityCounts counts={report.counts} testId="template-api-counts" />
                  {report.partial ? <span className="ml-2 text-xs text-amber-800 dark:text-amber-300">partial</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors.length > 0 ? (
        <Callout tone="error" title={`${errors.length} file${errors.length === 1 ? "" : "s"} could not be read`} testId="template-errors">
          <ul className="list-disc pl-4 font-mono text-xs">
            {errors.map((error, index) => (
              <li key={index} data-testid="template-error">
                {error.message}
              </li>
            ))}
          </ul>
        </Callout>
      ) : null}
      {notTemplates.length > 0 ? (
        <Callout
          tone="info"
          title={`${notTemplates.length} file${notTemplates.length === 1 ? "" : "s"} not read as templates`}
          testId="template-not-read"
        >
          <p>Only .yaml, .yml, .json, .template and .tf files are; a template that references one of these still reads it.</p>
          <ul className="list-disc pl-4 font-mono text-xs">
            {notTemplates.slice(0, 50).map((path) => (
              <li key={path}>{path}</li>
            ))}
            {notTemplates.length > 50 ? <li>and {notTemplates.length - 50} more</li> : null}
          </ul>
        </Callout>
      ) : null}
      {skipped.length > 0 ? (
        <Callout tone="info" title={`${skipped.length} file${skipped.length === 1 ? "" : "s"} skipped`} testId="template-skipped">
          <ul className="list-disc pl-4 font-mono text-xs">
            {skipped.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
    </div>
  );
}
