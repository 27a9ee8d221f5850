/**
 * `npm run bench:core`: the pure audit core (normalise + every rule) over a generated 10,000-method API,
 * against the healthy demo's model in the same run, with where the time goes: a CPU profile (node:inspector) of whole
 * audits, each sample credited to one phase by its call stack (normalise, routing, each rule's check, the framework,
 * garbage collection; scripts/audit-phases.ts), so the phases add up to the audit, then summarised by file and function.
 * Both snapshots are read once through the real reader from the emulator; only the pure core is timed.
 * Target (issue 16): 10,000 methods in under 50 ms. Prints MISSED and exits 1 when it is not met.
 */
import { Session } from "node:inspector/promises";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startEmulator } from "@/lib/emulator";
import { generateLargeApi, HEALTHY_API_ID } from "@/lib/emulator/seeds";
import { auditModel } from "@/lib/audit/audit-model";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { RULES } from "@/lib/rules";
import { NODE_FLAGS } from "@/lib/runtime/node-flags.mjs";
import { allocationPhasesOf, OUTSIDE_PHASE, phasesOf, type CpuProfile, type HeapProfileNode } from "./audit-phases";
import { nodeSetting, LARGE_API_RESOURCES, readGeneratedApi, readSnapshot, summary } from "./bench-inputs";

const RESOURCES = LARGE_API_RESOURCES;
const TARGET_MS = 50;
/**
 * V8 is still optimising the core well after two audits (--trace-opt: 30, 22, 12 and 6 functions optimised or
 * deoptimised during the third to sixth audits, none after the tenth but a couple), and on two cores its compiler
 * threads take turns with the audit's: ten audits warm up, as bench:template's ten reads and bench:heap's do.
 */
const WARM_UP = 10;
const RUNS = 20;
const PROFILE_RUNS = 10;

const audit = (snapshot: RawApiSnapshot) =>
  auditModel({ snapshot, source: { kind: "live", connection: "demo", customEndpoint: true }, readAt: "bench" });

/**
 * Wall time of a whole audit (normalise + rules + sort) over RUNS audits in a row after a warm-up, each holding the
 * previous report as a cache would: the mean is what each audit costs, young collections included (a larger young
 * generation collects every few audits, which a median would leave out), beside the median, the fastest run and the
 * process CPU time (which the other tenants of a shared machine disturb less than the wall clock; it includes V8's GC
 * threads).
 */
function timeAudit(snapshot: RawApiSnapshot) {
  let last = audit(snapshot);
  for (let i = 1; i < WARM_UP; i++) last = audit(snapshot);
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
  const findingsByRule = new Map<string, number>();
  for (const finding of last.report.findings) findingsByRule.set(finding.ruleId, (findingsByRule.get(finding.ruleId) ?? 0) + 1);
  const wall = summary(times);
  return {
    ms: wall.mean,
    medianMs: wall.median,
    minMs: wall.fastest,
    cpuMs: summary(cpu).mean,
    methods,
    findings: last.report.findings.length,
    findingsByRule,
  };
}

/** Self time per function, per file and per phase (scripts/audit-phases.ts) over PROFILE_RUNS audits, from a V8 CPU profile. */
async function profile(snapshot: RawApiSnapshot) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < PROFILE_RUNS; i++) audit(snapshot);
  const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
  session.disconnect();
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const { phases, framework, outside } = phasesOf(profile, process.cwd());
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byNode.get(id)?.callFrame;
    // The audits' own time only: the phases table gives what ran outside them.
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)" || outside.has(id)) return;
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
  return {
    functions: top(byFunction, 15),
    files: top(byFile, 12),
    totalPerAuditMs: total / PROFILE_RUNS,
    phases: [...phases].map(([phase, ms]) => ({ phase, perAuditMs: ms / PROFILE_RUNS })),
    framework: [...framework]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, ms]) => ({ name, perAuditMs: ms / PROFILE_RUNS })),
  };
}

/**
 * What an audit allocates, per phase (a sampling heap profile over PROFILE_RUNS audits, allocations collected since
 * included), and what its report keeps once the audit is over (heap in use after full collections, with and without
 * the report). Bytes do not change with the machine's load as times do: the garbage collector's share of an audit is
 * paid for them.
 */
async function allocation(snapshot: RawApiSnapshot) {
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < PROFILE_RUNS; i++) audit(snapshot);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: { head: HeapProfileNode } };
  session.disconnect();
  const phases = allocationPhasesOf(profile.head, process.cwd());
  setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as () => void;
  const inUse = () => {
    collect();
    collect();
    return getHeapStatistics().used_heap_size;
  };
  const before = inUse();
  const kept = audit(snapshot);
  const keptBytes = inUse() - before;
  if (!kept.ok) throw new Error("audit failed");
  return {
    phases: [...phases]
      .filter(([phase]) => phase !== OUTSIDE_PHASE)
      .map(([phase, bytes]) => ({ phase, perAuditMb: bytes / PROFILE_RUNS / 1e6 }))
      .sort((a, b) => b.perAuditMb - a.perAuditMb),
    keptMb: keptBytes / 1e6,
  };
}

/**
 * A resource policy like the files seed's, over the generated paths: one section public, everything else for the
 * account's principals. Its unsigned preflights outside /s1 are anonymous, so resource-policy-denies-preflight reports
 * them, and method-open-to-everyone evaluates the policy for every method: the two rules that read a policy, at scale.
 */
const SECTION_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "PublicSection",
      Effect: "Allow",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: ["execute-api:/*/*/s1", "execute-api:/*/*/s1/*"],
    },
    {
      Sid: "AccountCallers",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
    },
  ],
});

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

/**
 * The large API with SECTION_POLICY, read after the target row is timed and dropped after its own row, so a third
 * snapshot in the heap does not slow the others' garbage collection.
 */
const readPolicySnapshot = () => readGeneratedApi({ resources: RESOURCES, policy: SECTION_POLICY });

async function main() {
  const { healthy, large } = await readSnapshots();

  const base = timeAudit(healthy);
  const big = timeAudit(large);
  const policed = timeAudit(await readPolicySnapshot());
  const met = big.ms < TARGET_MS;
  console.log(`\nCore audit: normalise + ${RULES.length} rules (${RUNS} audits in a row after ${WARM_UP} to warm up, same run)\n`);
  console.log("| case | methods | findings | ms (mean) | median | fastest | CPU ms (mean) | × healthy demo | target | |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  console.log(
    `| healthy demo (baseline) | ${base.methods} | ${base.findings} | ${base.ms.toFixed(2)} | ${base.medianMs.toFixed(2)} | ${base.minMs.toFixed(2)} | ${base.cpuMs.toFixed(2)} | 1.00 | | |`,
  );
  console.log(
    `| generated API, ${RESOURCES.toLocaleString("en")} resources | ${big.methods.toLocaleString("en")} | ${big.findings.toLocaleString("en")} | ${big.ms.toFixed(1)} | ${big.medianMs.toFixed(1)} | ${big.minMs.toFixed(1)} | ${big.cpuMs.toFixed(1)} | ${(big.ms / base.ms).toFixed(0)} | < ${TARGET_MS} ms | ${met ? "met" : "MISSED"} |`,
  );
  // No target of its own: the same API with a resource policy, so the two policy rules are timed at scale too.
  console.log(
    `| the same with a resource policy | ${policed.methods.toLocaleString("en")} | ${policed.findings.toLocaleString("en")} | ${policed.ms.toFixed(1)} | ${policed.medianMs.toFixed(1)} | ${policed.minMs.toFixed(1)} | ${policed.cpuMs.toFixed(1)} | ${(policed.ms / base.ms).toFixed(0)} | | |`,
  );
  console.log(`(load average at the start: ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores; ${nodeSetting(NODE_FLAGS)})`);

  const cpu = await profile(large);
  // The profile's phases add up to the audit by construction; scaled to the mean so that they add up to it too.
  const inAudit = cpu.phases.filter((p) => p.phase !== OUTSIDE_PHASE);
  const sampled = inAudit.reduce((n, p) => n + p.perAuditMs, 0);
  const scale = sampled > 0 ? big.ms / sampled : 0;
  console.log(`\nPhases of the ${big.methods.toLocaleString("en")}-method audit: where the mean's ${big.ms.toFixed(1)} ms go\n`);
  console.log(
    `(each sample of a CPU profile over ${PROFILE_RUNS} whole audits is credited to one phase by its call stack, innermost owner first: scripts/audit-phases.ts)\n`,
  );
  console.log("| phase | ms | share | findings |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const p of inAudit.sort((a, b) => b.perAuditMs - a.perAuditMs)) {
    const findings = p.phase.startsWith("rule ") ? (big.findingsByRule.get(p.phase.slice(5)) ?? 0) : "";
    console.log(`| ${p.phase} | ${(p.perAuditMs * scale).toFixed(2)} | ${((p.perAuditMs / sampled) * 100).toFixed(1)}% | ${findings} |`);
  }
  console.log(`| **whole audit** | ${big.ms.toFixed(2)} | 100% | ${big.findings} |`);
  const outside = cpu.phases.find((p) => p.phase === OUTSIDE_PHASE)?.perAuditMs ?? 0;
  console.log(
    `\n(${sampled.toFixed(1)} ms sampled per audit under the profiler; ${outside.toFixed(1)} ms more outside the audit: the bench loop, the profiler)`,
  );
  console.log(`\nThe framework's own time, by function (sampled ms/audit):\n`);
  console.log("| function | ms/audit |");
  console.log("| --- | ---: |");
  for (const f of cpu.framework) console.log(`| ${f.name} | ${f.perAuditMs.toFixed(2)} |`);

  const bytes = await allocation(large);
  const allocated = bytes.phases.reduce((n, p) => n + p.perAuditMb, 0);
  console.log(
    `\nAllocation per ${big.methods.toLocaleString("en")}-method audit (a sampling heap profile over ${PROFILE_RUNS} audits; bytes do not vary with the load)\n`,
  );
  console.log("| phase | MB allocated | share |");
  console.log("| --- | ---: | ---: |");
  for (const p of bytes.phases.slice(0, 8))
    console.log(`| ${p.phase} | ${p.perAuditMb.toFixed(2)} | ${((p.perAuditMb / allocated) * 100).toFixed(1)}% |`);
  console.log(`| **whole audit** | ${allocated.toFixed(2)} | 100% |`);
  console.log(
    `\nA report keeps ${bytes.keptMb.toFixed(2)} MB once its audit is over (the model and the findings; heap in use after full collections).`,
  );

  console.log(
    `\nCPU profile over ${PROFILE_RUNS} audits (${cpu.totalPerAuditMs.toFixed(1)} ms sampled per audit, inside the audits only), self time\n`,
  );
  console.log("| file | ms/audit | share |");
  console.log("| --- | ---: | ---: |");
  for (const f of cpu.files) console.log(`| ${f.name} | ${f.perAuditMs.toFixed(2)} | ${(f.share * 100).toFixed(1)}% |`);
  console.log("\n| function | ms/audit | share |");
  console.log("| --- | ---: | ---: |");
  for (const f of cpu.functions) console.log(`| ${f.name} | ${f.perAuditMs.toFixed(2)} | ${(f.share * 100).toFixed(1)}% |`);

  if (!met) {
    console.log(`\nMISSED: ${big.methods} methods took ${big.ms.toFixed(1)} ms (target < ${TARGET_MS} ms).`);
    process.exitCode = 1;
  }
}

await main();
