import { browserVerdict } from "./browser-verdict";
import { findingsOf, outcomeOf } from "./classify";
import { observe, type FetchLike } from "./observe";
import type { PlannedCheck, ProbePlan } from "./plan";
import { isUnderTarget } from "./targets";
import type { ProbeAnswer, ProbeCheck, ProbeReport } from "./types";

export interface RunProbeOptions {
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each round with the requests sent so far. */
  onProgress?: (sent: number, total: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function headersOf(check: PlannedCheck, identity: string | undefined): Record<string, string> {
  if (check.kind === "preflight")
    return { Origin: check.origin, "Access-Control-Request-Method": check.verb, "Access-Control-Request-Headers": check.requestHeaders };
  return { Origin: check.origin, Accept: "application/json", ...(identity !== undefined ? { Authorization: identity } : {}) };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Sends the plan: `repeat` rounds spaced `spacingMs` apart, each round every check once with bounded concurrency.
 * Each round starts at another place in the list, so the method a caller reaches first (the one a method-scoped,
 * cached authorizer policy names) changes from round to round, as it does between real users; with test identities,
 * round r sends identity r mod n. The request count never exceeds the budget, and every URL is checked against the
 * target before it leaves.
 */
export async function runProbe(plan: ProbePlan, options: RunProbeOptions = {}): Promise<ProbeReport> {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const { budget, checks } = plan;
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const answers = new Map<string, ProbeAnswer[]>(checks.map((check) => [check.id, []]));
  let sent = 0;
  const step = Math.max(1, Math.ceil(checks.length / budget.repeat));

  for (let round = 0; round < budget.repeat; round++) {
    if (round > 0 && budget.spacingMs > 0) await sleep(budget.spacingMs);
    const offset = (round * step) % Math.max(1, checks.length);
    const ordered = [...checks.slice(offset), ...checks.slice(0, offset)];
    const identityIndex = plan.identities.length > 0 ? round % plan.identities.length : undefined;
    await pool(ordered, budget.concurrency, async (check) => {
      if (!isUnderTarget(plan.target, check.url) || sent >= budget.requests) return;
      sent += 1;
      const identity = check.withIdentity && identityIndex !== undefined ? plan.identities[identityIndex] : undefined;
      const method = check.kind === "preflight" ? "OPTIONS" : check.verb;
      const observed = await observe(
        { url: check.url, method, headers: headersOf(check, identity), timeoutMs: budget.timeoutMs },
        fetchImpl,
      );
      const verdict = browserVerdict({ ...check, status: observed.status, cors: observed.cors });
      const answer: ProbeAnswer = {
        ...observed,
        ...(identity !== undefined ? { identity: identityIndex! } : {}),
        browser: verdict.passes ? "passes" : "blocked",
        ...(verdict.passes ? {} : { blockedBecause: verdict.because }),
      };
      answers.get(check.id)!.push(answer);
    });
    options.onProgress?.(sent, budget.requests);
  }

  const results: ProbeCheck[] = checks.map((check) => {
    const observed = answers.get(check.id)!;
    return {
      id: check.id,
      kind: check.kind,
      path: check.path,
      requestPath: check.requestPath,
      verb: check.verb,
      cell: check.cell,
      origin: check.origin,
      requestHeaders: check.requestHeaders,
      withIdentity: check.withIdentity,
      prediction: check.prediction,
      answers: observed,
      outcome: outcomeOf(check.prediction, observed),
    };
  });
  return {
    stage: plan.stage,
    target: plan.target.base,
    targetKind: plan.target.kind,
    alsoServedAt: plan.target.alsoServedAt,
    startedAt,
    wallTimeMs: Math.round(performance.now() - started),
    budget,
    sent,
    origins: plan.origins,
    actual: checks.some((check) => check.kind === "actual"),
    identities: plan.identities.length,
    checks: results,
    findings: results.flatMap(findingsOf),
  };
}
