/**
 * `npm run bench:template`: how long auditing templates takes (the shared corpus, and a generated
 * 1,000-resource API as SAM and as Terraform), as a ratio against auditing the same 1,000-resource API live
 * from the emulator in the same run. Each row is timed over a run of audits in a row after a warm-up that takes V8's
 * compilers to their steady state: the mean is what each audit costs, collections included, and the first audit of
 * the row (cold code) is printed beside it. The 1,000-resource templates have a target (issue 16, "Core speed": the
 * same 50 ms class as normalise + rules over 10,000 methods, `npm run bench:core`); MISSED is printed and the exit code
 * is 1 when one is over it. Each template row is split into the readers' time (files → snapshots: YAML/HCL parsing,
 * SAM translation, Terraform evaluation) and the audit core's (normalise + rules).
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { startEmulator } from "@/lib/emulator";
import { generateLargeApi } from "@/lib/emulator/seeds/large-api";
import { openConnection } from "@/lib/aws/connections/connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { NODE_FLAGS } from "@/lib/runtime/node-flags.mjs";
import { DEFAULT_TEMPLATE_REGION } from "@/lib/templates/audit-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { readTemplates } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { largeSamTemplate, largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import type { FileTree } from "@/lib/templates/files/file-tree";
import { freshUpload, nodeSetting, summary } from "./bench-inputs";

const RESOURCES = 1_000;
/**
 * A 1,000-resource read calls each reader function a few thousand times, which V8 needs several reads to finish
 * optimising: the first reads of a row took several times as long as the steady state (the table prints the first),
 * and the fifth still about twice. Ten reads warm each row up.
 */
const WARM_UP = 10;
const RUNS = 20;
/** The live baseline waits on its own emulator's HTTP answers; fewer runs of it give the same figure. */
const LIVE_RUNS = 5;
const TARGET_MS = 50;

async function mean(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < LIVE_RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return summary(times).mean;
}

interface Row {
  case: string;
  /** Rows with a target: the 1,000-resource templates. */
  target?: number;
  apis: number;
  methods: number;
  findings: number;
  /** Mean of the timed runs. */
  ms: number;
  /** Template rows: the row's first audit, before any warm-up. */
  firstMs?: number;
  /** Template rows: the readers (files → snapshots) and the audit core (snapshots → reports), each a mean. */
  readerMs?: number;
  coreMs?: number;
  /** Template rows: the process's CPU time for one audit (mean), which a busy machine's other tenants disturb less. */
  cpuMs?: number;
}

/**
 * One template audit (what `auditTemplates` does) timed in its two phases. `treeFor(run)` gives each run its tree; the
 * generated templates get a text no earlier run read (`freshUpload`), so no parse cache serves it.
 */
function templateRow(name: string, treeFor: (run: number) => FileTree): () => Promise<Row> {
  return async () => {
    const readers = await loadTemplateReaders();
    const once = (tree: FileTree) => {
      const usage = process.cpuUsage();
      const started = performance.now();
      const read = readTemplates(tree, readers, { region: DEFAULT_TEMPLATE_REGION });
      const readDone = performance.now();
      const reports = read.apis.map((api) => auditTemplateApi(api, "bench", read.gaps));
      const done = performance.now();
      const used = process.cpuUsage(usage);
      return {
        read,
        reports,
        readerMs: readDone - started,
        coreMs: done - readDone,
        ms: done - started,
        cpuMs: (used.user + used.system) / 1000,
      };
    };
    let last = once(treeFor(0));
    const firstMs = last.ms;
    for (let run = 1; run < WARM_UP; run++) last = once(treeFor(run));
    // Each run keeps only its figures and holds the previous run's reports, as bench:core and the app's cache hold one
    // report: keeping every run's read and reports (about 6 MB a Terraform run) until the row ended filled the old
    // generation with the benchmark's own bookkeeping, which the later runs of the row paid for in collections.
    const samples: Array<{ ms: number; readerMs: number; coreMs: number; cpuMs: number }> = [];
    for (let run = WARM_UP; run < WARM_UP + RUNS; run++) {
      last = once(treeFor(run));
      samples.push({ ms: last.ms, readerMs: last.readerMs, coreMs: last.coreMs, cpuMs: last.cpuMs });
    }
    if (last.read.errors.length > 0) console.error(`${name}: ${last.read.errors.map((e) => e.message).join("; ")}`);
    return {
      case: name,
      apis: last.reports.length,
      methods: last.reports.reduce((n, r) => n + r.model.resources.reduce((m, res) => m + res.methods.length, 0), 0),
      findings: last.reports.reduce((n, r) => n + r.findings.length, 0),
      ms: summary(samples.map((s) => s.ms)).mean,
      firstMs,
      readerMs: summary(samples.map((s) => s.readerMs)).mean,
      coreMs: summary(samples.map((s) => s.coreMs)).mean,
      cpuMs: summary(samples.map((s) => s.cpuMs)).mean,
    };
  };
}

/**
 * The baseline: the same 1,000-resource API audited live from the emulator. The emulator is closed before the template
 * rows, so they do not run beside a server and its store that the app would not have.
 */
async function liveRow(): Promise<Row> {
  const emulator = await startEmulator({ port: 0, seed: false });
  try {
    const apiId = generateLargeApi(emulator.store, { resources: RESOURCES });
    const opened = await openConnection({ kind: "demo" }, { endpoint: emulator.url });
    if (!opened.ok) throw opened.error;
    let liveReport: Awaited<ReturnType<typeof runAudit>> | undefined;
    const liveMs = await mean(
      async () =>
        (liveReport = await runAudit({ connection: opened.connection, region: "us-east-1", restApiId: apiId, live: fastLiveOptions() })),
    );
    if (!liveReport?.ok) throw new Error("live audit of the generated API failed");
    return {
      case: `live ${RESOURCES.toLocaleString("en")} resources (emulator, no latency)`,
      apis: 1,
      methods: liveReport.report.model.resources.reduce((m, r) => m + r.methods.length, 0),
      findings: liveReport.report.findings.length,
      ms: liveMs,
    };
  } finally {
    await emulator.close();
  }
}

async function main() {
  const startLoad = loadavg()[0] ?? 0;
  const live = await liveRow();
  const rows: Row[] = [live];
  const corpus = ["corpus", "corpus-more"].map((name) => resolve(process.cwd(), "..", "shared", name)).filter((dir) => existsSync(dir));
  if (corpus.length > 0) {
    const tree = diskFileTree(corpus);
    if (tree.ok) rows.push(await templateRow(`shared corpus (${tree.tree.paths.length} files)`, () => tree.tree)());
  } else {
    console.log("(../shared/corpus not found: corpus row skipped)");
  }
  rows.push({
    ...(await templateRow(`SAM ${RESOURCES.toLocaleString("en")} resources`, (run) =>
      freshUpload([{ path: "large/template.yaml", text: largeSamTemplate(RESOURCES) }], run),
    )()),
    target: TARGET_MS,
  });
  rows.push({
    ...(await templateRow(`Terraform ${RESOURCES.toLocaleString("en")} resources`, (run) =>
      freshUpload(largeTerraformConfiguration(RESOURCES), run),
    )()),
    target: TARGET_MS,
  });

  console.log(
    `\nTemplate audits vs the same API audited live (templates: mean of ${RUNS} after ${WARM_UP} to warm up; live: mean of ${LIVE_RUNS}; same run)\n`,
  );
  console.log("| case | APIs | methods | findings | ms (mean) | first run | reader ms | core ms | CPU ms | × live | target | |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  const missed: Row[] = [];
  for (const row of rows) {
    const status = row.target === undefined ? "" : row.ms < row.target ? "met" : "MISSED";
    if (status === "MISSED") missed.push(row);
    console.log(
      `| ${row.case} | ${row.apis} | ${row.methods} | ${row.findings} | ${row.ms.toFixed(1)} | ${row.firstMs?.toFixed(0) ?? ""} | ${row.readerMs?.toFixed(1) ?? ""} | ${row.coreMs?.toFixed(1) ?? ""} | ${row.cpuMs?.toFixed(1) ?? ""} | ${(row.ms / live.ms).toFixed(2)} | ${row.target === undefined ? "" : `< ${row.target} ms`} | ${status} |`,
    );
  }
  console.log(`(load average at the start: ${startLoad.toFixed(2)} on ${availableParallelism()} cores; ${nodeSetting(NODE_FLAGS)})`);
  for (const row of missed) console.log(`MISSED: ${row.case} took ${row.ms.toFixed(1)} ms (target < ${row.target} ms).`);
  if (missed.length > 0) process.exitCode = 1;
}

await main();
