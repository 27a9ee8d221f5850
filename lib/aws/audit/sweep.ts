import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit, type RunAuditResult } from "@/lib/aws/audit/run-live-audit";
import { streamLiveApis } from "@/lib/aws/reader/live-reader";
import type { AuditReport } from "@/lib/audit/types";

/**
 * A sweep: every REST API of several accounts (connections), each in the given regions. Accounts are read
 * concurrently; within one account every call passes that account's own quota bucket (the process-wide
 * limiter of its connection, lib/aws/rate/account-limiter.ts), so a throttled or slow account never holds
 * up another, and an account's own reads queue behind its quota instead of drawing 429s.
 */
export interface SweepAccount {
  connection: Connection;
  regions: readonly string[];
}

/** How one API is audited: a fresh read by default; the app passes its read-once cache. */
export type SweepAuditor = (connection: Connection, region: string, apiId: string, signal?: AbortSignal) => Promise<RunAuditResult>;

const freshRead: SweepAuditor = (connection, region, restApiId, signal) =>
  runAudit({ connection, region, restApiId, live: signal ? { signal } : {} });

export type SweepEvent =
  | { kind: "region"; connection: string; region: string; ok: true; apis: number }
  | { kind: "region"; connection: string; region: string; ok: false; code: string; message: string }
  | { kind: "api"; connection: string; region: string; apiId: string; ok: true; report: AuditReport }
  | { kind: "api"; connection: string; region: string; apiId: string; ok: false; code: string; message: string };

/**
 * APIs of one account audited at once. The account limiter paces the calls; this only bounds memory and
 * sockets. Reading an API costs ~6 calls and the quota is 10/s (burst 40), so a handful keeps the bucket busy
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
 */
export const SWEEP_CONCURRENCY_PER_ACCOUNT = 6;

async function* sweepAccount(account: SweepAccount, audit: SweepAuditor, signal?: AbortSignal): AsyncGenerator<SweepEvent> {
  const { connection } = account;
  const pending: Promise<SweepEvent>[] = [];
  const queue: { region: string; apiId: string }[] = [];
  const results: SweepEvent[] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  const start = () => {
    while (running < SWEEP_CONCURRENCY_PER_ACCOUNT && queue.length > 0 && !signal?.aborted) {
      const { region, apiId } = queue.shift()!;
      running += 1;
      const done = audit(connection, region, apiId, signal).then(
        (result): SweepEvent =>
          result.ok
            ? { kind: "api", connection: connection.id, region, apiId, ok: true, report: result.report }
            : {
                kind: "api",
                connection: connection.id,
                region,
                apiId,
                ok: false,
                code: result.failure.kind === "aws" ? result.failure.error.code : result.failure.kind,
                message: result.failure.kind === "aws" ? result.failure.error.message : result.failure.message,
              },
        (error: unknown): SweepEvent => ({
          kind: "api",
          connection: connection.id,
          region,
          apiId,
          ok: false,
          code: "unexpected",
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      pending.push(done);
      void done.then((event) => {
        running -= 1;
        results.push(event);
        start();
        wake?.();
      });
    }
  };
  // Listing and auditing overlap: an API is audited as soon as its region has answered.
  for await (const listing of streamLiveApis(connection, account.regions, signal ? { signal } : {})) {
    if (listing.ok) {
      yield { kind: "region", connection: connection.id, region: listing.region, ok: true, apis: listing.apis.length };
      for (const api of listing.apis) queue.push({ region: listing.region, apiId: api.id });
      start();
    } else {
      yield {
        kind: "region",
        connection: connection.id,
        region: listing.region,
        ok: false,
        code: listing.error.code,
        message: listing.error.message,
      };
    }
    while (results.length > 0) yield results.shift()!;
  }
  while (running > 0 || queue.length > 0 || results.length > 0) {
    if (results.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    while (results.length > 0) yield results.shift()!;
    if (signal?.aborted && running === 0) break;
  }
}

/** Events of every account, merged as they happen (accounts run concurrently). */
export async function* sweepAccounts(
  accounts: readonly SweepAccount[],
  signal?: AbortSignal,
  audit: SweepAuditor = freshRead,
): AsyncGenerator<SweepEvent> {
  const iterators = accounts.map((account) => sweepAccount(account, audit, signal));
  const next = new Map<number, Promise<{ index: number; result: IteratorResult<SweepEvent> }>>();
  const pull = (index: number) =>
    next.set(
      index,
      iterators[index]!.next().then((result) => ({ index, result })),
    );
  iterators.forEach((_, index) => pull(index));
  while (next.size > 0) {
    const { index, result } = await Promise.race(next.values());
    if (result.done) {
      next.delete(index);
      continue;
    }
    pull(index);
    yield result.value;
  }
}
