/**
 * zod schema of AuditReport (v1), used to validate a report before it is stored and every stored
 * snapshot when it is read back. The model part comes from lib/model/schema.ts, the fix intents from
 * lib/remediation/intent-schema.ts. Objects strip unknown keys, so nothing outside the contract (e.g. a
 * stray `variables` map) survives into storage; `exactSchema` makes a field the types have and this
 * schema lacks a compile error instead of a silent strip.
 */
import { z } from "zod";
import { TEMPLATE_FORMATS } from "@/lib/audit/source";
import { AUDIT_REPORT_VERSION, type AuditReport } from "@/lib/audit/types";
import { exactSchema } from "@/lib/model/exact-schema";
import { apiModelSchema, httpVerbSchema, modelPartSchema } from "@/lib/model/schema";
import { fixIntentSchema } from "@/lib/remediation/intent-schema";
import { probeReportSchema } from "@/lib/probe/schema";
import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";

const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);

export const findingSchema = exactSchema<Finding>()(
  z.object({
    ruleId: z.string(),
    severity,
    confidence: z.enum(["certain", "likely", "heuristic"]),
    messageId: z.string(),
    message: z.string(),
    symptom: z.string(),
    target: z.object({
      resourceId: z.string().optional(),
      path: z.string().optional(),
      httpMethod: httpVerbSchema.optional(),
      authorizerId: z.string().optional(),
      stage: z.string().optional(),
      responseType: z.string().optional(),
    }),
    stages: z.array(z.string()),
    draftOnly: z.boolean(),
    evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
    fixes: z.array(fixIntentSchema),
  }),
);

const severityCounts = z.object({
  critical: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

const sourcePosition = z.object({ file: z.string(), line: z.number().int().positive(), column: z.number().int().positive() });

const auditSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("live"), connection: z.string(), customEndpoint: z.boolean() }),
  z.object({
    kind: z.literal("template"),
    format: z.enum(TEMPLATE_FORMATS),
    files: z.array(z.string()),
    apiName: z.string(),
    constructPath: z.string().optional(),
    locations: z.record(z.string(), sourcePosition),
  }),
]);

export const auditReportSchema = exactSchema<AuditReport>()(
  z.object({
    reportVersion: z.literal(AUDIT_REPORT_VERSION),
    preflightVersion: z.string(),
    api: z.object({ accountId: z.string().optional(), region: z.string().min(1), id: z.string().min(1), name: z.string() }),
    source: auditSourceSchema,
    readAt: z.string(),
    partial: z.boolean(),
    model: apiModelSchema,
    findings: z.array(findingSchema),
    notEvaluated: z.array(z.object({ ruleId: z.string(), missing: z.array(modelPartSchema) })),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), part: modelPartSchema.optional() })),
    stats: z.object({
      calls: z.record(z.string(), z.number()),
      totalCalls: z.number(),
      retries: z.number(),
      wallTimeMs: z.number(),
    }),
    counts: severityCounts,
    probe: probeReportSchema.optional(),
  }),
);
