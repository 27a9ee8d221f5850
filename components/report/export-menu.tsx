import { buttonClass } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";

/** The report formats offered, by the export route's format segment; the labels say what each is for. */
export const EXPORT_LINKS = [
  { format: "json", label: "JSON", title: "The full report (re-importable)" },
  { format: "sarif", label: "SARIF 2.1.0", title: "For GitHub code scanning and other SARIF viewers" },
  { format: "md", label: "Markdown", title: "A readable summary for a ticket or pull request" },
  { format: "csv", label: "CSV matrix", title: "One row per resource path and method" },
] as const;

/** Links to the export route handlers; `base` is "/api/audit/<connection>/<region>/<apiId>" or "/api/audits/<id>". */
export function ExportMenu({ base }: { base: string }) {
  return (
    <div role="group" aria-label="Export the report" className="flex flex-wrap items-center gap-1.5 text-sm" data-testid="export-menu">
      <span className="text-xs text-zinc-500 dark:text-zinc-400">Export</span>
      {EXPORT_LINKS.map((link) => (
        // `download` keeps the browser on the page; the route's Content-Disposition names the file.
        <a
          key={link.format}
          href={`${base}/export/${link.format}`}
          download
          title={link.title}
          className={buttonClass("secondary", "px-2 py-0.5 text-xs")}
          data-testid={`export-${link.format}`}
        >
          <DownloadIcon />
          {link.label}
        </a>
      ))}
    </div>
  );
}
