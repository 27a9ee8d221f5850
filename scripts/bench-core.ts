/**
 * `npm run bench:core`: the pure audit core (normalise + every rule) over a generated 10,000-method API,
 * against the healthy demo's model in the same run, with a profile of where the time goes: per phase
 * (normalise, routing, each rule, the stage runs, the final sort) with performance.now, and a CPU profile (node:inspector) summarised
 * by function and by file, so routing (lib/routing, lib/model/answered-by.ts) shows up on its own.
 * Both snapshots are read once through the real reader from the emulator; only the pure core is timed.
 * Target (issue 16): 10,000 methods in under 50 ms. Prints MISSED and exits 1 when it is not met.
 */
import { Session } from "node:inspector/promises";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { startEmulator } from "@/lib/emulator";
import { generateLargeApi, HEALTHY_API_ID } from "@/lib/emulator/seeds";
import { openConnection } from "@/lib/aws/connections/connection";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { auditModel } from "@/lib/audit/audit-model";
import { runRules, sortFindings } from "@/lib/audit/run-rules";
import { reconcileStageRuns } from "@/lib/audit/stage-runs";
import { answeredBy, answeredByDeployment } from "@/lib/model/answered-by";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { RULES } from "@/lib/rules";
import { renderFinding } from "@/lib/rules/finding";

const TARGET_METHODS = 10_000;
// The large API has a GET on every resource and an OPTIONS on every other one: 1.5 methods a resource.
const RESOURCES = Math.ceil(TARGET_METHODS / 1.5);
const TARGET_MS = 50;
const RUNS = 7;
const PROFILE_RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function readSnapshot(url: string, restApiId: string): Promise<RawApiSnapshot> {
  const opened = await openConnection({ kind: "demo" }, { endpoint: url });
  if (!opened.ok) throw opened.error;
  const read = await readLiveApi(opened.connection, "us-east-1", restApiId, fastLiveOptions());
  if (!read.result.ok) throw read.result.error;
  return read.result.snapshot;
}

const audit = (snapshot: RawApiSnapshot) =>
  auditModel({ snapshot, source: { kind: "live", connection: "demo", customEndpoint: true }, readAt: "bench" });

/**
 * Median wall time of a whole audit (normalise + rules + sort), after a warm-up; with the fastest run and the process
 * CPU time (which the other tenants of a shared machine disturb less than the wall clock; it includes V8's GC threads).
 */
function timeAudit(snapshot: RawApiSnapshot): { ms: number; minMs: number; cpuMs: number; methods: number; findings: number } {
  let last = audit(snapshot);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const usage = process.cpuUsage();
    last = audit(snapshot);
    const used = process.cpuUsage(usage);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  if (!last.ok) throw new Error("audit failed");
  const methods = last.report.model.resources.reduce((n, r) => n + r.methods.length, 0);
  return { ms: median(times), minMs: Math.min(...times), cpuMs: median(cpu), methods, findings: last.report.findings.length };
}

/** Median time of each phase, measured on fresh models (so no memo from an earlier run is reused). */
function timePhases(snapshot: RawApiSnapshot): Array<{ phase: string; ms: number; findings?: number }> {
  const samples = new Map<string, number[]>();
  const findings = new Map<string, number>();
  const add = (phase: string, ms: number) => samples.set(phase, [...(samples.get(phase) ?? []), ms]);
  for (let i = 0; i <= RUNS; i++) {
    let start = performance.now();
    const { model } = normalizeApi(snapshot);
    const normaliseMs = performance.now() - start;
    // Routing on its own: the question several rules ask of every resource (which method answers its preflight), in
    // the draft and in each stage's deployment. Its answers are memoised on the model, so the rules below reuse them.
    start = performance.now();
    for (const resource of model.resources) {
      answeredBy(model, resource.path, "OPTIONS");
      for (const stage of model.stages) if (stage.deployment) answeredByDeployment(stage.deployment, resource.path, "OPTIONS");
    }
    const routingMs = performance.now() - start;
    const perRule: Array<[string, number]> = [];
    for (const rule of RULES) {
      start = performance.now();
      const drafts = rule.check({ model });
      for (const draft of drafts) renderFinding(rule.meta, draft);
      perRule.push([rule.meta.id, performance.now() - start]);
      findings.set(rule.meta.id, drafts.length);
    }
    // The rest of an audit: each stage's own run reconciled with the draft's (lib/audit/stage-runs.ts; a stage serving
    // exactly the draft's configuration reuses the draft's run), then the final sort. The draft's run is not timed again.
    const draftRun = runRules(model);
    start = performance.now();
    const reconciled = reconcileStageRuns(snapshot, draftRun.findings, undefined, { model });
    const stagesMs = performance.now() - start;
    start = performance.now();
    sortFindings(reconciled);
    const sortMs = performance.now() - start;
    if (i === 0) continue; // warm-up
    add("normalise", normaliseMs);
    add("routing (OPTIONS of every resource, draft and stages)", routingMs);
    for (const [id, ms] of perRule) add(`rule ${id}`, ms);
    add("stage runs (lib/audit/stage-runs.ts)", stagesMs);
    add("final sort", sortMs);
  }
  return [...samples].map(([phase, ms]) => ({
    phase,
    ms: median(ms),
    ...(phase.startsWith("rule ") ? { findings: findings.get(phase.slice(5)) } : {}),
  }));
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function and per file over PROFILE_RUNS audits, from a V8 CPU profile. */
async function profile(snapshot: RawApiSnapshot) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < PROFILE_RUNS; i++) audit(snapshot);
  const { profile } = (await session.post("Profiler.stop")) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    total += ms;
    const file = frame.url ? relative(process.cwd(), frame.url.replace(/^file:\/\//, "")) : "(native)";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, perAuditMs: ms / PROFILE_RUNS, share: ms / total }));
  return { functions: top(byFunction, 15), files: top(byFile, 12), totalPerAuditMs: total / PROFILE_RUNS };
}

/** Both snapshots, read through the real reader; the emulator (and its store) is gone before anything is timed. */
async function readSnapshots(): Promise<{ healthy: RawApiSnapshot; large: RawApiSnapshot }> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const largeId = generateLargeApi(emulator.store, { resources: RESOURCES });
    return { healthy: await readSnapshot(emulator.url, HEALTHY_API_ID), large: await readSnapshot(emulator.url, largeId) };
  } finally {
    await emulator.close();
  }
}

async function main() {
  const { healthy, large } = await readSnapshots();

  const base = timeAudit(healthy);
  const big = timeAudit(large);
  const met = big.ms < TARGET_MS;
  console.log(`\nCore audit: normalise + ${RULES.length} rules (median of ${RUNS} after a warm-up, same run)\n`);
  console.log("| case | methods | findings | ms (median) | fastest | CPU ms | × healthy demo | target | |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  console.log(
    `| healthy demo (baseline) | ${base.methods} | ${base.findings} | ${base.ms.toFixed(2)} | ${base.minMs.toFixed(2)} | ${base.cpuMs.toFixed(2)} | 1.00 | | |`,
  );
  console.log(
    `| generated API, ${RESOURCES.toLocaleString("en")} resources | ${big.methods.toLocaleString("en")} | ${big.findings.toLocaleString("en")} | ${big.ms.toFixed(1)} | ${big.minMs.toFixed(1)} | ${big.cpuMs.toFixed(1)} | ${(big.ms / base.ms).toFixed(0)} | < ${TARGET_MS} ms | ${met ? "met" : "MISSED"} |`,
  );
  console.log(`(load average at the start: ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores)`);

  console.log(`\nPhases of the ${big.methods.toLocaleString("en")}-method audit (median; fresh model each run)\n`);
  console.log("| phase | ms | findings |");
  console.log("| --- | ---: | ---: |");
  const phases = timePhases(large).sort((a, b) => b.ms - a.ms);
  for (const p of phases) console.log(`| ${p.phase} | ${p.ms.toFixed(2)} | ${p.findings ?? ""} |`);

  const cpu = await profile(large);
  console.log(`\nCPU profile over ${PROFILE_RUNS} audits (${cpu.totalPerAuditMs.toFixed(1)} ms sampled per audit), self time\n`);
  console.log("| file | ms/audit | share |");
  console.log("| --- | ---: | ---: |");
  for (const f of cpu.files) console.log(`| ${f.name} | ${f.perAuditMs.toFixed(2)} | ${(f.share * 100).toFixed(1)}% |`);
  const routing = cpu.files
    .filter((f) => f.name.startsWith("lib/routing/") || f.name === "lib/model/answered-by.ts")
    .reduce((n, f) => n + f.perAuditMs, 0);
  console.log(`\nrouting (lib/routing + lib/model/answered-by.ts): ${routing.toFixed(2)} ms/audit\n`);
  console.log("| function | ms/audit | share |");
  console.log("| --- | ---: | ---: |");
  for (const f of cpu.functions) console.log(`| ${f.name} | ${f.perAuditMs.toFixed(2)} | ${(f.share * 100).toFixed(1)}% |`);

  if (!met) {
    console.log(`\nMISSED: ${big.methods} methods took ${big.ms.toFixed(1)} ms (target < ${TARGET_MS} ms).`);
    process.exitCode = 1;
  }
}

await main();
