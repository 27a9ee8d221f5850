import type { ApiModel, ModelPart } from "@/lib/model/types";
import type { Finding, Severity } from "@/lib/rules/types";
import type { AuditSource } from "@/lib/audit/source";
import type { ProbeReport } from "@/lib/probe/types";

export const AUDIT_REPORT_VERSION = 1 as const;

export type { AuditSource, LiveSource, TemplateSource } from "@/lib/audit/source";

export interface CallStatistics {
  /** Calls per API Gateway operation, e.g. { GetResources: 2, GetStages: 1 }. */
  calls: Record<string, number>;
  totalCalls: number;
  retries: number;
  wallTimeMs: number;
}

export interface AuditWarning {
  /** e.g. "partial-read" */
  code: string;
  message: string;
  part?: ModelPart;
}

/** A rule that could not run because the model is missing data it needs. */
export interface NotEvaluatedRule {
  ruleId: string;
  missing: ModelPart[];
}

export interface AuditReport {
  reportVersion: typeof AUDIT_REPORT_VERSION;
  preflightVersion: string;
  api: { accountId?: string; region: string; id: string; name: string };
  source: AuditSource;
  /** ISO timestamp of the read. */
  readAt: string;
  partial: boolean;
  model: ApiModel;
  findings: Finding[];
  notEvaluated: NotEvaluatedRule[];
  warnings: AuditWarning[];
  stats: CallStatistics;
  counts: Record<Severity, number>;
  /** An opt-in live probe of one stage (lib/probe), when one was run and kept with the audit. */
  probe?: ProbeReport;
}
