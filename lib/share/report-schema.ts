/**
 * zod schema of AuditReport (v1), used to validate a report before it is stored and every stored
 * snapshot when it is read back. The model part comes from lib/model/schema.ts. Objects strip unknown
 * keys, so nothing outside the contract (e.g. a stray `variables` map) survives into storage.
 */
import { z } from "zod";
import { TEMPLATE_FORMATS } from "@/lib/audit/source";
import { AUDIT_REPORT_VERSION, type AuditReport } from "@/lib/audit/types";
import { apiModelSchema } from "@/lib/model/schema";
import { HTTP_VERBS } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";
import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";

const httpVerb = z.enum(HTTP_VERBS);
const authorizationType = z.enum(["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"]);
const modelPart = z.enum(["resources", "authorizers", "stages", "gatewayResponses", "deployments"]);
const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);

const methodTarget = { resourceId: z.string(), path: z.string(), httpMethod: httpVerb };
const corsHeaders = {
  allowOrigin: z.string(),
  allowMethods: z.array(z.string()),
  allowHeaders: z.array(z.string()),
  allowCredentials: z.boolean().optional(),
  maxAgeSeconds: z.number().optional(),
};

export const fixIntentSchema: z.ZodType<FixIntent> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set-method-authorization"), ...methodTarget, from: authorizationType, to: authorizationType }),
  z.object({ kind: z.literal("set-method-api-key-required"), ...methodTarget, value: z.boolean() }),
  z.object({ kind: z.literal("add-cors-preflight"), resourceId: z.string(), path: z.string(), ...corsHeaders }),
  z.object({ kind: z.literal("set-preflight-headers"), resourceId: z.string(), path: z.string(), statusCode: z.string(), ...corsHeaders }),
  z.object({ kind: z.literal("replace-preflight-integration-with-mock"), resourceId: z.string(), path: z.string(), ...corsHeaders }),
  z.object({
    kind: z.literal("add-gateway-response-cors"),
    responseType: z.string(),
    allowOrigin: z.string(),
    allowHeaders: z.array(z.string()),
    allowMethods: z.array(z.string()).optional(),
    existingResponseParameters: z.record(z.string(), z.string()),
    statusCode: z.string().optional(),
  }),
  z.object({ kind: z.literal("add-method-response-cors-origin"), ...methodTarget, statusCode: z.string(), allowOrigin: z.string() }),
  z.object({
    kind: z.literal("set-authorizer-ttl"),
    authorizerId: z.string(),
    authorizerName: z.string(),
    fromSeconds: z.number(),
    toSeconds: z.number(),
  }),
  z.object({
    kind: z.literal("widen-authorizer-policy"),
    authorizerId: z.string(),
    authorizerName: z.string(),
    authorizerType: z.enum(["TOKEN", "REQUEST"]),
    resourceArnPattern: z.string(),
    allowOptions: z.boolean(),
    lambdaFunctionArn: z.string().optional(),
  }),
  z.object({
    kind: z.literal("add-cache-key-parameter"),
    ...methodTarget,
    parameter: z.string(),
    existingCacheKeyParameters: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("set-stage-method-setting"),
    stage: z.string(),
    path: z.string(),
    httpMethod: z.union([httpVerb, z.literal("*")]),
    setting: z.enum([
      "caching/enabled",
      "caching/ttlInSeconds",
      "caching/dataEncrypted",
      "caching/requireAuthorizationForCacheControl",
      "caching/unauthorizedCacheControlHeaderStrategy",
    ]),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.object({ kind: z.literal("redeploy-stage"), stage: z.string(), description: z.string() }),
  z.object({ kind: z.literal("flush-authorizer-cache"), stage: z.string() }),
  z.object({
    kind: z.literal("set-integration-content-handling"),
    ...methodTarget,
    contentHandling: z.enum(["CONVERT_TO_TEXT", "CONVERT_TO_BINARY"]),
    statusCodes: z.array(z.string()),
  }),
  z.object({ kind: z.literal("set-rest-api-policy"), policy: z.string(), changes: z.array(z.string()) }),
  z.object({ kind: z.literal("clear-method-request-validator"), ...methodTarget, requestValidatorId: z.string() }),
]);

export const findingSchema: z.ZodType<Finding> = z.object({
  ruleId: z.string(),
  severity,
  confidence: z.enum(["certain", "likely", "heuristic"]),
  messageId: z.string(),
  message: z.string(),
  symptom: z.string(),
  target: z.object({
    resourceId: z.string().optional(),
    path: z.string().optional(),
    httpMethod: httpVerb.optional(),
    authorizerId: z.string().optional(),
    stage: z.string().optional(),
    responseType: z.string().optional(),
  }),
  stages: z.array(z.string()),
  draftOnly: z.boolean(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
  fixes: z.array(fixIntentSchema),
});

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

export const auditReportSchema: z.ZodType<AuditReport> = z.object({
  reportVersion: z.literal(AUDIT_REPORT_VERSION),
  preflightVersion: z.string(),
  api: z.object({ accountId: z.string().optional(), region: z.string().min(1), id: z.string().min(1), name: z.string() }),
  source: auditSourceSchema,
  readAt: z.string(),
  partial: z.boolean(),
  model: apiModelSchema,
  findings: z.array(findingSchema),
  notEvaluated: z.array(z.object({ ruleId: z.string(), missing: z.array(modelPart) })),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), part: modelPart.optional() })),
  stats: z.object({
    calls: z.record(z.string(), z.number()),
    totalCalls: z.number(),
    retries: z.number(),
    wallTimeMs: z.number(),
  }),
  counts: severityCounts,
});
