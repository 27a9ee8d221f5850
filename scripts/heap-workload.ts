/**
 * One workload of `npm run bench:heap`, run in a child process started with the semi-space size under test: the
 * 10,001-method core audit (as bench:core times it) or a 1,000-resource template audit (as bench:template does), timed
 * after a warm-up. Prints one JSON line: mean and median wall ms, mean CPU ms, garbage-collection pauses per audit
 * (PerformanceObserver "gc" entries: young and full), and the process's peak resident memory.
 */
import { PerformanceObserver, constants } from "node:perf_hooks";
import { auditModel } from "@/lib/audit/audit-model";
import { DEFAULT_TEMPLATE_REGION } from "@/lib/templates/audit-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { readTemplates } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import { largeSamTemplate, largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import { freshUpload, LARGE_API_RESOURCES, readGeneratedApi, summary } from "./bench-inputs";

const WORKLOADS = ["core", "sam", "terraform"] as const;
type Workload = (typeof WORKLOADS)[number];

/** The JSON line printed (scripts/bench-heap.ts reads it). */
interface WorkloadFigures {
  meanMs: number;
  medianMs: number;
  cpuMs: number;
  youngGcMs: number;
  youngGcs: number;
  fullGcMs: number;
  peakRssMb: number;
}

const WARM_UP = 10;
const RUNS = 30;

async function auditOnce(workload: Workload): Promise<(run: number) => unknown> {
  if (workload === "core") {
    const snapshot = await readGeneratedApi({ resources: LARGE_API_RESOURCES });
    return () => auditModel({ snapshot, source: { kind: "live", connection: "demo", customEndpoint: true }, readAt: "bench" });
  }
  const readers = await loadTemplateReaders();
  const files = workload === "sam" ? [{ path: "large/template.yaml", text: largeSamTemplate(1_000) }] : largeTerraformConfiguration(1_000);
  return (run) => {
    const read = readTemplates(freshUpload(files, run), readers, { region: DEFAULT_TEMPLATE_REGION });
    return read.apis.map((api) => auditTemplateApi(api, "bench", read.gaps));
  };
}

async function measure(workload: Workload): Promise<WorkloadFigures> {
  const once = await auditOnce(workload);
  // Each audit holds the previous one's result, as a cache of reports would.
  let kept = once(0);
  for (let run = 1; run < WARM_UP; run++) kept = once(run);
  const gc = { youngMs: 0, young: 0, fullMs: 0 };
  let timing = false;
  const observer = new PerformanceObserver((list) => {
    if (!timing) return;
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.youngMs += entry.duration;
        gc.young++;
      } else gc.fullMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const times: number[] = [];
  const cpu: number[] = [];
  timing = true;
  for (let run = WARM_UP; run < WARM_UP + RUNS; run++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    kept = once(run);
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  // GC entries are delivered asynchronously: let the last ones arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  timing = false;
  observer.disconnect();
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

const workload = process.argv[2] as Workload;
if (!WORKLOADS.includes(workload)) {
  console.error(`usage: heap-workload.ts ${WORKLOADS.join("|")}`);
  process.exit(2);
}
console.log(JSON.stringify(await measure(workload)));
