import type { HttpVerb } from "@/lib/model/types";

/**
 * What an opt-in live probe of one stage observed, beside what Preflight predicted from the model. Stored in
 * the AuditReport's optional `probe` field, so a shared audit shows the same observations. Nothing secret is
 * kept: a test identity the user gave for the actual requests is recorded as "identity n", never its value.
 */

/** "preflight": the browser's OPTIONS; "actual": the request the page then sends (without credentials unless a test identity is given). */
export type ProbeKind = "preflight" | "actual";

/** The CORS response headers a browser reads, by lower-case name (bounded values). */
export type CorsHeaders = Partial<Record<CorsHeaderName, string>>;
export const CORS_HEADER_NAMES = [
  "access-control-allow-origin",
  "access-control-allow-methods",
  "access-control-allow-headers",
  "access-control-allow-credentials",
  "access-control-expose-headers",
  "access-control-max-age",
] as const;
export type CorsHeaderName = (typeof CORS_HEADER_NAMES)[number];

/** One answer to one request. `status` 0 means no HTTP answer (`failure` says why). */
export interface ProbeAnswer {
  status: number;
  /** The `x-amzn-ErrorType` header, as API Gateway sends it with a gateway response. */
  errorType?: string;
  /** The `message` field of a JSON body (or `error`, as customised gateway responses often name it). */
  message?: string;
  cors: CorsHeaders;
  /** A 3xx answer's Location, recorded and never followed. */
  location?: string;
  failure?: "timeout" | "network";
  elapsedMs: number;
  /** Index of the test identity sent as Authorization (never its value); absent: no credentials. */
  identity?: number;
  /** Whether a browser accepts this answer for the page's request (lib/probe/browser-verdict.ts). */
  browser: "passes" | "blocked";
  blockedBecause?: string;
}

/** What the model says API Gateway answers; a field left out means "not predictable from the model". */
export interface PredictedAnswer {
  status?: number;
  errorType?: string;
  allowOrigin: "present" | "absent" | "unknown";
  /** The CORS headers the answer carries, when every one is a static value in the model. */
  cors?: CorsHeaders;
  /** Whether a browser would accept it, when status and headers are predicted. */
  browser?: "passes" | "blocked";
  blockedBecause?: string;
  /** Why, in one sentence naming the method and setting that decide. */
  reason: string;
  /** Set when the answer is expected to change between requests (an authorizer's cached policy), with why. */
  mayVary?: string;
}

/**
 * "matches": every answer agrees with the prediction; "differs": the answers agree with each other but not with it;
 * "intermittent": the answers differ between repeats; "unpredicted": the model cannot say, the answers are recorded;
 * "no-answer": no HTTP answer at all (timeout, network).
 */
export type ProbeOutcome = "matches" | "differs" | "intermittent" | "unpredicted" | "no-answer";

export interface ProbeCheck {
  id: string;
  kind: ProbeKind;
  /** The resource path of the model (a template such as `/orders/{id}`). */
  path: string;
  /** The path actually requested, template segments filled with a sample value. */
  requestPath: string;
  /** The verb the page uses: the method of the actual request, the Access-Control-Request-Method of a preflight. */
  verb: HttpVerb;
  /** The matrix cell the observation belongs to: the OPTIONS cell for a preflight, the verb's cell for an actual request. */
  cell: { path: string; verb: HttpVerb };
  origin: string;
  /** Access-Control-Request-Headers of a preflight, or the header names of an actual request. */
  requestHeaders: string;
  /** The actual request carries a test identity (one per round, in turn). */
  withIdentity: boolean;
  prediction: PredictedAnswer;
  answers: ProbeAnswer[];
  outcome: ProbeOutcome;
}

export type ProbeFindingKind = "prediction-mismatch" | "intermittent-answer" | "redirect" | "no-answer";

/** A finding the probe makes from observations (the rules in lib/rules judge the model alone). */
export interface ProbeFinding {
  kind: ProbeFindingKind;
  severity: "high" | "medium" | "low";
  checkId: string;
  path: string;
  verb: HttpVerb;
  kindOfRequest: ProbeKind;
  message: string;
}

export interface ProbeBudget {
  /** Requests the plan sends: checks × repeat. */
  requests: number;
  checks: number;
  repeat: number;
  concurrency: number;
  timeoutMs: number;
  spacingMs: number;
  /** Upper bound of the wall time: every round spaced out, every request timing out. */
  maxSeconds: number;
}

export interface ProbeReport {
  stage: string;
  /** The invoke URL probed (no query, no credentials). */
  target: string;
  targetKind: "execute-api" | "custom-domain" | "endpoint-data-plane";
  /** Other URLs that serve the stage (custom domain names), listed but not probed. */
  alsoServedAt: string[];
  startedAt: string;
  wallTimeMs: number;
  budget: ProbeBudget;
  /** Requests actually sent (never above budget.requests). */
  sent: number;
  origins: string[];
  actual: boolean;
  identities: number;
  checks: ProbeCheck[];
  findings: ProbeFinding[];
}
