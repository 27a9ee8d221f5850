import { z } from "zod";
import { exactSchema } from "@/lib/model/exact-schema";
import { httpVerbSchema } from "@/lib/model/schema";
import type { CorsHeaders, PredictedAnswer, ProbeAnswer, ProbeCheck, ProbeFinding, ProbeReport } from "./types";

/** zod schema of a stored probe (the AuditReport's optional `probe`), tied to the types with exactSchema. */
const text = (max: number) => z.string().max(max);

const corsSchema = exactSchema<CorsHeaders>()(
  z.object({
    "access-control-allow-origin": text(512).optional(),
    "access-control-allow-methods": text(512).optional(),
    "access-control-allow-headers": text(512).optional(),
    "access-control-allow-credentials": text(512).optional(),
    "access-control-expose-headers": text(512).optional(),
    "access-control-max-age": text(512).optional(),
  }),
);

const answerSchema = exactSchema<ProbeAnswer>()(
  z.object({
    status: z.number().int().min(0).max(999),
    errorType: text(512).optional(),
    message: text(512).optional(),
    cors: corsSchema,
    location: text(512).optional(),
    failure: z.enum(["timeout", "network"]).optional(),
    elapsedMs: z.number().nonnegative(),
    identity: z.number().int().nonnegative().optional(),
    browser: z.enum(["passes", "blocked"]),
    blockedBecause: text(1024).optional(),
  }),
);

const predictionSchema = exactSchema<PredictedAnswer>()(
  z.object({
    status: z.number().int().optional(),
    errorType: z.string().optional(),
    allowOrigin: z.enum(["present", "absent", "unknown"]),
    cors: corsSchema.optional(),
    browser: z.enum(["passes", "blocked"]).optional(),
    blockedBecause: z.string().optional(),
    reason: z.string(),
    mayVary: z.string().optional(),
  }),
);

const kindSchema = z.enum(["preflight", "actual"]);

const checkSchema = exactSchema<ProbeCheck>()(
  z.object({
    id: z.string(),
    kind: kindSchema,
    path: z.string(),
    requestPath: z.string(),
    verb: httpVerbSchema,
    cell: z.object({ path: z.string(), verb: httpVerbSchema }),
    origin: z.string(),
    requestHeaders: z.string(),
    withIdentity: z.boolean(),
    prediction: predictionSchema,
    answers: z.array(answerSchema).max(20),
    outcome: z.enum(["matches", "differs", "intermittent", "unpredicted", "no-answer"]),
  }),
);

const findingSchema = exactSchema<ProbeFinding>()(
  z.object({
    kind: z.enum(["prediction-mismatch", "intermittent-answer", "redirect", "no-answer"]),
    severity: z.enum(["high", "medium", "low"]),
    checkId: z.string(),
    path: z.string(),
    verb: httpVerbSchema,
    kindOfRequest: kindSchema,
    message: z.string(),
  }),
);

export const probeReportSchema = exactSchema<ProbeReport>()(
  z.object({
    stage: z.string(),
    target: z.string(),
    targetKind: z.enum(["execute-api", "custom-domain", "endpoint-data-plane"]),
    alsoServedAt: z.array(z.string()),
    startedAt: z.string(),
    wallTimeMs: z.number().nonnegative(),
    budget: z.object({
      requests: z.number().int().nonnegative(),
      checks: z.number().int().nonnegative(),
      repeat: z.number().int().positive(),
      concurrency: z.number().int().positive(),
      timeoutMs: z.number().int().positive(),
      spacingMs: z.number().int().nonnegative(),
      maxSeconds: z.number().nonnegative(),
    }),
    sent: z.number().int().nonnegative(),
    origins: z.array(z.string()),
    actual: z.boolean(),
    identities: z.number().int().nonnegative(),
    checks: z.array(checkSchema).max(1_000),
    findings: z.array(findingSchema),
  }),
);
