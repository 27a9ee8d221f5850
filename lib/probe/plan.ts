import type { ApiModel, HttpVerb } from "@/lib/model/types";
import { browserVerdict } from "./browser-verdict";
import { predictAnswer, type PredictInput } from "./predict";
import type { StageView } from "./stage-view";
import { concretePath, requestUrl, type ProbeTarget } from "./targets";
import type { PredictedAnswer, ProbeBudget, ProbeKind } from "./types";

/** What the user may choose; everything else is fixed so a probe stays small and polite. */
export interface ProbeOptions {
  /** Answers per request, to see intermittent ones (default 5). */
  repeat?: number;
  /** Pause between rounds (default 1,000 ms): an authorizer cache or a throttle shows between rounds, not within one. */
  spacingMs?: number;
  /** Origins to send; default: the origins the API's preflights allow, else one neutral origin. */
  origins?: readonly string[];
  /** Also send the actual request of each GET/HEAD method (without credentials unless identities are given). */
  actual?: boolean;
  /** Test identities sent as Authorization on actual requests, one per round in turn; never stored. */
  identities?: readonly string[];
  concurrency?: number;
  timeoutMs?: number;
  /** A plan above this many requests is refused (default 1,000). */
  maxRequests?: number;
}

export const PROBE_DEFAULTS = { repeat: 5, spacingMs: 1_000, concurrency: 4, timeoutMs: 5_000, maxRequests: 1_000 } as const;
export const PROBE_LIMITS = { repeat: 20, origins: 3, identities: 10, concurrency: 8, timeoutMs: 10_000, spacingMs: 10_000 } as const;

/** An origin nobody owns (RFC 2606 reserves `.invalid`), for APIs that allow any origin. */
export const NEUTRAL_ORIGIN = "https://app.preflight-probe.invalid";

export interface PlannedCheck {
  id: string;
  kind: ProbeKind;
  path: string;
  requestPath: string;
  url: string;
  verb: HttpVerb;
  cell: { path: string; verb: HttpVerb };
  origin: string;
  requestHeaders: string;
  withIdentity: boolean;
  prediction: PredictedAnswer;
}

export interface ProbePlan {
  target: ProbeTarget;
  stage: string;
  checks: PlannedCheck[];
  origins: string[];
  identities: string[];
  budget: ProbeBudget;
}

export type PlanResult = { ok: true; plan: ProbePlan } | { ok: false; reason: string };

/** A web origin as a browser sends it: scheme, host and port only. */
export function validOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === origin;
  } catch {
    return false;
  }
}

/** The origins the API's OPTIONS methods answer with (static `'https://…'` mappings; a comma list counts each). */
export function allowedOrigins(model: Pick<ApiModel, "resources">): string[] {
  const found = new Set<string>();
  for (const resource of model.resources) {
    const options = resource.methods.find((m) => m.httpMethod === "OPTIONS");
    for (const response of options?.integration?.integrationResponses ?? []) {
      for (const [key, value] of Object.entries(response.responseParameters)) {
        if (key.toLowerCase() !== "method.response.header.access-control-allow-origin") continue;
        const literal = /^'([^']*)'$/.exec(value.trim())?.[1];
        for (const origin of literal?.split(",") ?? []) if (validOrigin(origin.trim())) found.add(origin.trim());
      }
    }
  }
  return [...found].sort();
}

// What Chromium sends for `fetch(url, { method, headers: { Authorization, "Content-Type": "application/json" } })`:
// the non-safelisted header names, lower-cased, sorted, comma-separated (Fetch standard, "CORS-unsafe request-header
// names"); a GET or HEAD carries no body, so no Content-Type.
export function browserRequestHeaders(verb: HttpVerb): string {
  return verb === "GET" || verb === "HEAD" || verb === "DELETE" ? "authorization" : "authorization,content-type";
}

const SAFE_METHODS = new Set<HttpVerb>(["GET", "HEAD"]);

// ANY stands for whatever the page sends; the probe asks for GET, the verb a page calls most.
const pageVerb = (verb: HttpVerb): HttpVerb => (verb === "ANY" ? "GET" : verb);

function validIdentity(value: string): boolean {
  return value.length > 0 && value.length <= 4_096 && !/[\r\n\0]/.test(value);
}

const clamp = (value: number | undefined, fallback: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Number.isFinite(value) ? Math.trunc(value as number) : fallback));

/** The prediction with the browser's verdict on it, when status and every CORS header are known. */
function predicted(view: StageView, input: PredictInput, origin: string, requestHeaders: string): PredictedAnswer {
  const prediction = predictAnswer(view, input);
  if (prediction.status === undefined || prediction.cors === undefined) return prediction;
  const verdict = browserVerdict({
    kind: input.kind,
    status: prediction.status,
    cors: prediction.cors,
    origin,
    verb: input.verb,
    requestHeaders,
  });
  return verdict.passes ? { ...prediction, browser: "passes" } : { ...prediction, browser: "blocked", blockedBecause: verdict.because };
}

/** Every request of the probe with its prediction and the budget, computed before anything is sent. */
export function planProbe(model: ApiModel, view: StageView, target: ProbeTarget, options: ProbeOptions = {}): PlanResult {
  const repeat = clamp(options.repeat, PROBE_DEFAULTS.repeat, 1, PROBE_LIMITS.repeat);
  const concurrency = clamp(options.concurrency, PROBE_DEFAULTS.concurrency, 1, PROBE_LIMITS.concurrency);
  const timeoutMs = clamp(options.timeoutMs, PROBE_DEFAULTS.timeoutMs, 100, PROBE_LIMITS.timeoutMs);
  const spacingMs = clamp(options.spacingMs, PROBE_DEFAULTS.spacingMs, 0, PROBE_LIMITS.spacingMs);
  const maxRequests = options.maxRequests ?? PROBE_DEFAULTS.maxRequests;

  const requested = options.origins ?? [];
  const badOrigin = requested.find((origin) => !validOrigin(origin));
  if (badOrigin !== undefined) return { ok: false, reason: `"${badOrigin.slice(0, 80)}" is not an origin (scheme://host[:port]).` };
  const origins = [...new Set(requested.length > 0 ? requested : allowedOrigins(model))];
  if (origins.length === 0) origins.push(NEUTRAL_ORIGIN);
  if (origins.length > PROBE_LIMITS.origins)
    return {
      ok: false,
      reason: `At most ${PROBE_LIMITS.origins} origins per probe (${origins.length} given or allowed by the API): name them with --probe-origin.`,
    };
  const identities = [...(options.identities ?? [])];
  if (identities.length > PROBE_LIMITS.identities) return { ok: false, reason: `At most ${PROBE_LIMITS.identities} test identities.` };
  if (identities.some((value) => !validIdentity(value)))
    return { ok: false, reason: "A test identity must be one line of at most 4,096 characters." };
  if (identities.length > 0 && !options.actual)
    return { ok: false, reason: "Test identities are only sent on actual requests: ask for them too." };

  const checks: PlannedCheck[] = [];
  const resources = [...model.resources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const resource of resources) {
    const verbs = resource.methods.map((m) => m.httpMethod).filter((verb) => verb !== "OPTIONS");
    if (verbs.length === 0) continue;
    const requestPath = concretePath(resource.path);
    const url = requestPath === undefined ? undefined : requestUrl(target, requestPath);
    if (requestPath === undefined || url === undefined) continue;
    for (const verb of verbs) {
      const asked = pageVerb(verb);
      const headers = browserRequestHeaders(asked);
      for (const origin of origins) {
        checks.push({
          id: `preflight:${asked}:${resource.path}:${origin}`,
          kind: "preflight",
          path: resource.path,
          requestPath,
          url,
          verb: asked,
          cell: { path: resource.path, verb: "OPTIONS" },
          origin,
          requestHeaders: headers,
          withIdentity: false,
          prediction: predicted(view, { kind: "preflight", path: resource.path, verb: asked, withIdentity: false }, origin, headers),
        });
      }
      // An actual request has effects: only safe methods (RFC 9110 §9.2.1) are sent, never POST, PUT, PATCH or DELETE.
      if (options.actual && SAFE_METHODS.has(asked)) {
        const withIdentity = identities.length > 0;
        checks.push({
          id: `actual:${asked}:${resource.path}:${origins[0]}`,
          kind: "actual",
          path: resource.path,
          requestPath,
          url,
          verb: asked,
          cell: { path: resource.path, verb },
          origin: origins[0]!,
          requestHeaders: withIdentity ? "authorization" : "",
          withIdentity,
          prediction: predicted(view, { kind: "actual", path: resource.path, verb: asked, withIdentity }, origins[0]!, ""),
        });
      }
    }
  }
  const requests = checks.length * repeat;
  if (requests > maxRequests)
    return {
      ok: false,
      reason: `This probe would send ${requests} requests (${checks.length} × ${repeat}), above the limit of ${maxRequests}: lower the repeat count or the origins.`,
    };
  const rounds = Math.ceil(checks.length / concurrency);
  const maxSeconds = Math.ceil(((repeat - 1) * spacingMs + repeat * rounds * timeoutMs) / 1000);
  return {
    ok: true,
    plan: {
      target,
      stage: view.stage,
      checks,
      origins,
      identities,
      budget: { requests, checks: checks.length, repeat, concurrency, timeoutMs, spacingMs, maxSeconds },
    },
  };
}

/** "12 checks × 5 = 60 requests to https://…, 4 at a time, at most 75 s" */
export function describeBudget(plan: ProbePlan): string {
  const b = plan.budget;
  return (
    `${b.checks} checks × ${b.repeat} = ${b.requests} requests to ${plan.target.base}, ` +
    `${b.concurrency} at a time, ${b.spacingMs} ms between rounds, ${b.timeoutMs} ms timeout each (at most ${b.maxSeconds} s)`
  );
}
