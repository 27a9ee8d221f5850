/**
 * `npm run bench:heap`: the node and V8 heap settings the app runs with (lib/runtime/node-flags.mjs), chosen by measuring as
 * Node's documentation advises for --max-semi-space-size. Each workload (the 10,001-method core audit, the
 * 1,000-resource SAM and Terraform audits: scripts/heap-workload.ts) runs in a child process per setting, the
 * settings alternating within each round so that a busy machine's load falls on all of them alike; the table gives the
 * median over rounds of each child's mean audit time, its ratio against V8's default in the same run, the collections'
 * pauses per audit and the peak resident memory, the price of a larger young generation.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { NODE_FLAGS, withoutOption } from "@/lib/runtime/node-flags.mjs";
import { HEAP_WORKLOADS, sameFlags, summary, type WorkloadFigures } from "./bench-inputs";

/**
 * The settings compared: semi-space sizes, V8's allocation-site pretenuring switched off (with it on, V8 may start
 * allocating a site's objects in the old generation part-way through a run, and the Terraform read was seen running
 * about 1.7 × slower for the rest of such a process; lib/templates/terraform/README.md), and V8's pool of background
 * threads sized by node from the machine instead of Node's fixed 4 (the shipped set, NODE_FLAGS).
 */
const SETTINGS: ReadonlyArray<readonly string[]> = [
  [],
  ["--max-semi-space-size=64"],
  ["--no-allocation-site-pretenuring"],
  ["--max-semi-space-size=64", "--no-allocation-site-pretenuring"],
  NODE_FLAGS,
];
const ROUNDS = Number(process.env.PREFLIGHT_BENCH_ROUNDS ?? 3);

function runChild(workload: string, flags: readonly string[]): WorkloadFigures {
  // The child's own NODE_OPTIONS must not choose a setting for it.
  const env = {
    ...process.env,
    NODE_OPTIONS: SETTINGS.flat().reduce((options, flag) => withoutOption(options, flag), process.env.NODE_OPTIONS ?? ""),
  };
  const out = execFileSync(
    process.execPath,
    [...flags, "--conditions=react-server", "--no-warnings", "--import", "tsx", "scripts/heap-workload.ts", workload],
    { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as WorkloadFigures;
}

const middle = (values: number[]) => summary(values).median;
const label = (flags: readonly string[]) => (flags.length === 0 ? "V8's defaults (16 MiB semi-spaces here)" : flags.join(" "));
const shipped = (flags: readonly string[]) => sameFlags(flags, NODE_FLAGS);

async function main() {
  const startLoad = loadavg()[0] ?? 0;
  const results = new Map<string, WorkloadFigures[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts the settings at a different place.
    const order = SETTINGS.map((_, i) => SETTINGS[(i + round) % SETTINGS.length]!);
    for (const workload of HEAP_WORKLOADS) {
      for (const flags of order) {
        const key = `${workload} ${label(flags)}`;
        results.set(key, [...(results.get(key) ?? []), runChild(workload, flags)]);
      }
    }
    console.error(`round ${round + 1} of ${ROUNDS} done`);
  }
  console.log(`\nHeap settings against audit time (median over ${ROUNDS} rounds of each child's mean audit; same run)\n`);
  console.log(
    "| workload | node flags | ms per audit | × default | median audit | CPU ms | young GCs per audit | young GC ms per audit | full GC ms per audit | peak RSS MB | |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const workload of HEAP_WORKLOADS) {
    const base = middle(results.get(`${workload} ${label([])}`)!.map((f) => f.meanMs));
    for (const flags of SETTINGS) {
      const runs = results.get(`${workload} ${label(flags)}`)!;
      const of = (pick: (f: WorkloadFigures) => number) => middle(runs.map(pick));
      const ms = of((f) => f.meanMs);
      console.log(
        `| ${workload} | ${label(flags)} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} | ${of((f) => f.medianMs).toFixed(1)} | ${of((f) => f.cpuMs).toFixed(1)} | ${of((f) => f.youngGcs).toFixed(2)} | ${of((f) => f.youngGcMs).toFixed(1)} | ${of((f) => f.fullGcMs).toFixed(1)} | ${of((f) => f.peakRssMb).toFixed(0)} | ${shipped(flags) ? "shipped" : ""} |`,
      );
    }
  }
  console.log(`(load average at the start: ${startLoad.toFixed(2)} on ${availableParallelism()} cores)`);
}

await main();
