/**
 * One workload of `npm run bench:heap`, run in a child process started with the node settings under test: the
 * 10,001-method core audit (as bench:core times it) or a 1,000-resource template audit (as bench:template does: the
 * upload's text made before the timer starts), timed after a warm-up. Prints one JSON line: mean and median wall ms, mean CPU ms, garbage-collection time per audit
 * (v8.GCProfiler: young collections, and the full collector's marking and compaction), and the process's peak resident
 * memory.
 */
import { GCProfiler } from "node:v8";
import { auditModel } from "@/lib/audit/audit-model";
import { DEFAULT_TEMPLATE_REGION } from "@/lib/templates/audit-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { readTemplates } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import { largeSamTemplate, largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import {
  freshUpload,
  HEAP_WORKLOADS,
  LARGE_API_RESOURCES,
  readGeneratedApi,
  summary,
  type HeapWorkload,
  type WorkloadFigures,
} from "./bench-inputs";

const WARM_UP = 10;
const RUNS = 30;

/** For each run, its audit ready to call: the input is made here, untimed (a fresh upload's text for templates). */
async function auditsOf(workload: HeapWorkload): Promise<(run: number) => () => unknown> {
  if (workload === "core") {
    const snapshot = await readGeneratedApi({ resources: LARGE_API_RESOURCES });
    return () => () => auditModel({ snapshot, source: { kind: "live", connection: "demo", customEndpoint: true }, readAt: "bench" });
  }
  const readers = await loadTemplateReaders();
  const files = workload === "sam" ? [{ path: "large/template.yaml", text: largeSamTemplate(1_000) }] : largeTerraformConfiguration(1_000);
  return (run) => {
    const tree = freshUpload(files, run);
    return () => {
      const read = readTemplates(tree, readers, { region: DEFAULT_TEMPLATE_REGION });
      return read.apis.map((api) => auditTemplateApi(api, "bench", read.gaps));
    };
  };
}

async function measure(workload: HeapWorkload): Promise<WorkloadFigures> {
  const auditFor = await auditsOf(workload);
  // Each audit holds the previous one's result, as a cache of reports would.
  let kept = auditFor(0)();
  for (let run = 1; run < WARM_UP; run++) kept = auditFor(run)();
  const profiler = new GCProfiler();
  profiler.start();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = WARM_UP; run < WARM_UP + RUNS; run++) {
    const audit = auditFor(run);
    const usage = process.cpuUsage();
    const start = performance.now();
    kept = audit();
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const gc = { youngMs: 0, young: 0, fullMs: 0 };
  for (const { gcType, cost } of profiler.stop().statistics) {
    // cost is in microseconds; Scavenge is the young generation's collector, the others the full collector's steps.
    if (gcType === "Scavenge") {
      gc.youngMs += cost / 1000;
      gc.young++;
    } else gc.fullMs += cost / 1000;
  }
  void kept;
  const wall = summary(times);
  return {
    meanMs: wall.mean,
    medianMs: wall.median,
    cpuMs: summary(cpu).mean,
    youngGcMs: gc.youngMs / RUNS,
    youngGcs: gc.young / RUNS,
    fullGcMs: gc.fullMs / RUNS,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const workload = process.argv[2] as HeapWorkload;
if (!HEAP_WORKLOADS.includes(workload)) {
  console.error(`usage: heap-workload.ts ${HEAP_WORKLOADS.join("|")}`);
  process.exit(2);
}
console.log(JSON.stringify(await measure(workload)));
