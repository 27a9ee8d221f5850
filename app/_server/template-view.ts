import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import type { RuleMeta } from "@/lib/rules/types";
import { templateDownloadBase } from "@/app/actions/template-paths";
import { jsonError } from "./downloads";
import type { RouteReport } from "./download-routes";
import { templateAuditCache, type CachedTemplateAudit } from "./template-audits";

/** "1" → 0: the URL counts APIs from 1, as the list shows them; anything else is not an index. */
function parseIndex(raw: string, count: number): number | undefined {
  if (!/^[1-9]\d{0,5}$/.test(raw)) return undefined;
  const index = Number(raw) - 1;
  return index < count ? index : undefined;
}

export function findTemplateAudit(id: string): CachedTemplateAudit | undefined {
  return templateAuditCache().get(id);
}

export interface TemplateApiView {
  cached: CachedTemplateAudit;
  /** 1-based, as in the URL. */
  index: number;
  report: AuditReport;
  rules: Record<string, RuleMeta>;
  fixDownloadBase: string;
}

/** The same view data the live and stored pages give AuditView, from the cached report: nothing is read again. */
export function loadTemplateApi(id: string, rawIndex: string): TemplateApiView | undefined {
  const cached = findTemplateAudit(id);
  if (!cached) return undefined;
  const index = parseIndex(rawIndex, cached.audit.reports.length);
  if (index === undefined) return undefined;
  const report = cached.audit.reports[index]!;
  return {
    cached,
    index: index + 1,
    report,
    rules: ruleMetasFor(report.findings),
    fixDownloadBase: `${templateDownloadBase(id, index + 1)}/fix`,
  };
}

/** A template audit's report for the export and fix routes; 404 for an unknown, expired or malformed id or index. */
export function templateReportFor(raw: { id: string; index: string }): RouteReport {
  const view = loadTemplateApi(raw.id, raw.index);
  if (!view) {
    return {
      ok: false,
      response: jsonError(
        404,
        "template-audit:not-found",
        "No template audit with this id and API number on this server; audits of uploaded templates are kept for an hour. Upload the files again.",
      ),
    };
  }
  return { ok: true, report: view.report };
}
