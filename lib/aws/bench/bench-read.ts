/**
 * `npm run bench:read`: Preflight's reader against the emulator with 50 ms latency and API Gateway's
 * management quotas on, compared in the same run with a per-method baseline and with the minimum
 * time the quotas allow. Prints a table; exits 1 when a target is missed.
 *   targets: calls = ⌈R/500⌉ + 4 + S; a 300-resource audit within 4 round trips; a 40-API sweep within
 *   1.15 × the quota minimum; a sweep of two accounts (read concurrently, each paced by its own bucket)
 *   within 1.15 × the slowest account's quota minimum.
 */
import { Worker } from "node:worker_threads";
import { CallStats } from "@/lib/aws/client/call-stats";
import { AccountLimiter, API_GATEWAY_QUOTAS } from "@/lib/aws/rate/account-limiter";
import { portFor } from "@/lib/aws/reader/live-reader";
import { readApi } from "@/lib/aws/reader/read-api";
import { readApiPerMethod } from "@/lib/aws/bench/baseline-reader";
import { emulatorConnection } from "@/lib/aws/testing/emulator-connection";
import { sweepAccounts } from "@/lib/aws/audit/sweep";

const LATENCY_MS = 50;
const REGION = "us-east-1";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Least time the documented quotas allow for these calls from full buckets, plus the last call's round trip. */
function quotaMinimumMs(calls: Record<string, number>, roundTripMs: number): number {
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  let seconds = Math.max(0, (total - API_GATEWAY_QUOTAS.total.capacity) / API_GATEWAY_QUOTAS.total.refillPerSecond);
  for (const [op, q] of Object.entries(API_GATEWAY_QUOTAS.perOperation)) {
    seconds = Math.max(seconds, Math.max(0, ((calls[op] ?? 0) - q.capacity) / q.refillPerSecond));
  }
  return seconds * 1000 + roundTripMs;
}

/** Lets the emulator's (and a fresh client's) buckets refill between runs: 40 tokens at 10/s. */
const refill = () => sleep(4_500);

interface Row {
  case: string;
  reader: string;
  calls: number;
  expected?: number;
  retries: number;
  wallMs: number;
  roundTrips: number;
  quotaMinMs: number;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

/** The emulator in a worker thread, driven by messages. */
async function startWorkerEmulator() {
  // Workers do not inherit the tsx loader by themselves; pass it on.
  const worker = new Worker(new URL("./emulator-worker.mjs", import.meta.url), {
    workerData: { latencyMs: LATENCY_MS, quotas: true },
    execArgv: ["--conditions=react-server", "--import", "tsx"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m: { url: string }) => resolve(m.url));
  });
  let nextId = 1;
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      const onMessage = (reply: T & { id: number }) => {
        if (reply.id !== id) return;
        worker.off("message", onMessage);
        resolve(reply);
      };
      worker.on("message", onMessage);
      worker.postMessage({ ...message, id });
    });
  return {
    url,
    generate: async (resources: number, count?: number, where: { accountId?: string; region?: string } = {}) =>
      (await ask<{ apiIds: string[] }>({ type: "generate", resources, ...(count ? { count } : {}), ...where })).apiIds,
    calls: async (region: string) =>
      (await ask<{ byAccount: Record<string, Record<string, number>> }>({ type: "calls", region })).byAccount,
    throttled: async () => ask<{ count: number; operations: string[] }>({ type: "throttled" }),
    close: async () => {
      await ask({ type: "close" });
      await worker.terminate();
    },
  };
}

async function main(): Promise<number> {
  const emu = await startWorkerEmulator();
  const connection = emulatorConnection(emu.url);
  const rows: Row[] = [];
  let failures = 0;
  const fail = (message: string) => {
    failures += 1;
    console.log(`MISSED: ${message}`);
  };
  try {
    // Warm up (JIT, sockets) with a full read of a separate 300-resource API, as a running server would be.
    const [warmId] = await emu.generate(300);
    await readApi(portFor(connection, REGION, { limiter: new AccountLimiter(), stats: new CallStats() }), warmId as string);
    await refill();
    // One round trip, measured: the median of 9 small GetRestApis through the same stack.
    const probe = portFor(connection, REGION, { limiter: new AccountLimiter(), stats: new CallStats() });
    const probes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      await probe.getRestApis(undefined, 1);
      probes.push(performance.now() - t0);
    }
    const roundTripMs = probes.sort((a, b) => a - b)[4] as number;
    console.log(`Emulator latency ${LATENCY_MS} ms, quotas on; measured round trip ${fmt(roundTripMs, 1)} ms\n`);
    await refill();

    const only = process.env.BENCH_ONLY; // "sweep" skips the single-API cases (for quick checks)
    for (const size of only === "sweep" ? [] : [10, 300, 1000]) {
      const [apiId] = (await emu.generate(size)) as [string];
      for (const reader of ["preflight", "per-method"] as const) {
        const stats = new CallStats();
        const port = portFor(connection, REGION, { limiter: new AccountLimiter(), stats });
        const started = performance.now();
        let expected: number | undefined;
        if (reader === "preflight") {
          const result = await readApi(port, apiId);
          if (!result.ok) throw result.error;
          const r = result.snapshot.resources?.length ?? 0;
          const s = new Set(result.snapshot.stages?.map((x) => x.deploymentId)).size;
          expected = Math.ceil(r / 500) + 4 + s;
        } else {
          await readApiPerMethod(port, apiId);
        }
        const wallMs = performance.now() - started;
        rows.push({
          case: `${size} resources`,
          reader,
          calls: stats.totalCalls,
          ...(expected !== undefined ? { expected } : {}),
          retries: stats.retries,
          wallMs,
          roundTrips: wallMs / roundTripMs,
          quotaMinMs: quotaMinimumMs(stats.calls(), roundTripMs),
        });
        console.log(`  ${size} resources, ${reader}: ${stats.totalCalls} calls, ${fmt(wallMs)} ms`);
        await refill();
      }
    }

    const sweepIds = await emu.generate(5, 40);
    for (const reader of ["preflight", "per-method"] as const) {
      const stats = new CallStats();
      const limiter = new AccountLimiter();
      const started = performance.now();
      await Promise.all(
        sweepIds.map(async (id) => {
          const port = portFor(connection, REGION, { limiter, stats });
          if (reader === "preflight") {
            const result = await readApi(port, id);
            if (!result.ok) throw result.error;
          } else {
            await readApiPerMethod(port, id);
          }
        }),
      );
      const wallMs = performance.now() - started;
      rows.push({
        case: "sweep 40 APIs × 5 resources",
        reader,
        calls: stats.totalCalls,
        expected: reader === "preflight" ? 40 * (1 + 4 + 1) : undefined,
        retries: stats.retries,
        wallMs,
        roundTrips: wallMs / roundTripMs,
        quotaMinMs: quotaMinimumMs(stats.calls(), roundTripMs),
      } as Row);
      console.log(`  sweep, ${reader}: ${stats.totalCalls} calls, ${fmt(wallMs)} ms`);
      await refill();
    }
    // Two accounts (the emulator maps the access key to the account), 40 and 20 APIs, in a region of their own:
    // `preflight sweep`'s code path, accounts concurrent, each through its own limiter.
    const SWEEP_REGION = "eu-west-1";
    const accountKeys = { "123456789012": "AKIAPREFLIGHTDEMO000", "210987654321": "AKIAEMULATORSECOND01" } as const;
    await emu.generate(5, 40, { accountId: "123456789012", region: SWEEP_REGION });
    await emu.generate(5, 20, { accountId: "210987654321", region: SWEEP_REGION });
    {
      const started = performance.now();
      let audited = 0;
      for await (const event of sweepAccounts(
        Object.values(accountKeys).map((key) => ({ connection: emulatorConnection(emu.url, key), regions: [SWEEP_REGION] })),
      )) {
        if (event.kind === "api" && !event.ok) throw new Error(`${event.apiId}: ${event.message}`);
        if (event.kind === "api") audited += 1;
      }
      const wallMs = performance.now() - started;
      const byAccount = await emu.calls(SWEEP_REGION);
      const minimums = Object.values(byAccount).map((calls) => quotaMinimumMs(calls, roundTripMs));
      const calls = Object.values(byAccount).reduce((sum, ops) => sum + Object.values(ops).reduce((a, b) => a + b, 0), 0);
      rows.push({
        case: `sweep 2 accounts (${audited} APIs, slowest account's minimum)`,
        reader: "preflight",
        calls,
        retries: 0,
        wallMs,
        roundTrips: wallMs / roundTripMs,
        quotaMinMs: Math.max(...minimums),
      });
      console.log(`  sweep of 2 accounts: ${calls} calls, ${fmt(wallMs)} ms`);
    }
    const throttled = await emu.throttled();

    console.log(
      "\n| case | reader | calls | expected | retries | wall ms | round trips | quota min ms | wall / quota min | calls vs baseline | wall vs baseline |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) {
      const base = rows.find((r) => r.case === row.case && r.reader === "per-method");
      console.log(
        `| ${row.case} | ${row.reader} | ${row.calls} | ${row.expected ?? "—"} | ${row.retries} | ${fmt(row.wallMs)} | ${fmt(row.roundTrips, 1)} | ${fmt(row.quotaMinMs)} | ${fmt(row.wallMs / row.quotaMinMs, 2)} | ${base ? fmt(row.calls / base.calls, 3) : "—"} | ${base ? fmt(row.wallMs / base.wallMs, 3) : "—"} |`,
      );
    }
    console.log(
      `\n429 answers from the emulator during the whole run: ${throttled.count}${throttled.count ? ` (${throttled.operations.join(", ")})` : ""}`,
    );

    for (const row of rows.filter((r) => r.reader === "preflight")) {
      if (row.expected !== undefined && row.calls !== row.expected) fail(`${row.case}: ${row.calls} calls, expected ${row.expected}`);
    }
    const r300 = rows.find((r) => r.case === "300 resources" && r.reader === "preflight");
    if (r300 && r300.roundTrips > 4) fail(`300 resources took ${fmt(r300.roundTrips, 1)} round trips (target ≤ 4)`);
    const sweep = rows.find((r) => r.case.startsWith("sweep") && r.reader === "preflight");
    if (sweep && sweep.wallMs / sweep.quotaMinMs > 1.15)
      fail(`sweep took ${fmt(sweep.wallMs / sweep.quotaMinMs, 2)} × the quota minimum (target ≤ 1.15)`);
    const accounts = rows.find((r) => r.case.startsWith("sweep 2 accounts"));
    if (accounts && accounts.wallMs / accounts.quotaMinMs > 1.15)
      fail(`two-account sweep took ${fmt(accounts.wallMs / accounts.quotaMinMs, 2)} × the slowest account's quota minimum (target ≤ 1.15)`);
    if (failures === 0) console.log("All targets met.");
  } finally {
    await emu.close();
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
