import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import type { CountsOutcome } from "@/app/actions/types";
import { cachedCounts, cachedLiveReport } from "./audit-cache";
import { scrubServerPrincipal } from "@/lib/aws/errors/scrub-principal";
import { toUiError } from "./ui-error";

// Audits behind the finding counts run a few at a time: each is several API Gateway calls, and the
// account's management-API quota is shared (10 requests/s, https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
export const COUNT_CONCURRENCY = 4;

export interface CountsLine {
  apiId: string;
  outcome: CountsOutcome;
}

async function countOne(connection: Connection, region: string, apiId: string, signal: AbortSignal): Promise<CountsOutcome> {
  try {
    // Background: opening an API must not wait behind the counts of every other API in the account.
    const result = await cachedLiveReport(connection, region, apiId, { priority: "background", signal });
    if (result.ok) return { ok: true, counts: result.report.counts, partial: result.report.partial, readAt: result.report.readAt };
    return {
      ok: false,
      error:
        result.failure.kind === "aws"
          ? toUiError(result.failure.error)
          : { code: "stage-not-found", message: result.failure.message, hint: "Choose one of the API's stages." },
    };
  } catch (error) {
    if (signal.aborted) throw error;
    return {
      ok: false,
      error: {
        code: "unexpected",
        message: scrubServerPrincipal(error instanceof Error ? error.message : String(error)),
        hint: "Open the API to see details.",
      },
    };
  }
}

/**
 * Finding counts of some APIs of one region: those in the read-once cache at once (one query, no AWS
 * call), the others read in the background, COUNT_CONCURRENCY at a time, each yielded as it finishes and
 * cached for the audit page. When `signal` aborts (the browser left the home page) no further read starts
 * and the running ones are cancelled: nobody is waiting for them.
 */
export async function* regionCounts(
  connection: Connection,
  region: string,
  apiIds: readonly string[],
  signal: AbortSignal,
): AsyncGenerator<CountsLine> {
  const cached = await cachedCounts(connection, region, apiIds);
  for (const [apiId, hit] of cached) yield { apiId, outcome: { ok: true, counts: hit.counts, partial: hit.partial, readAt: hit.readAt } };
  const queue = [...new Set(apiIds)].filter((apiId) => !cached.has(apiId));
  const done: CountsLine[] = [];
  let wake: (() => void) | undefined;
  let running = 0;
  const start = () => {
    while (running < COUNT_CONCURRENCY && queue.length > 0 && !signal.aborted) {
      const apiId = queue.shift() as string;
      running += 1;
      void countOne(connection, region, apiId, signal)
        .then(
          (outcome) => done.push({ apiId, outcome }),
          () => undefined,
        )
        .finally(() => {
          running -= 1;
          start();
          wake?.();
        });
    }
  };
  const onAbort = () => wake?.();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    start();
    while (!signal.aborted && (running > 0 || done.length > 0)) {
      if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      while (done.length > 0 && !signal.aborted) yield done.shift() as CountsLine;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
