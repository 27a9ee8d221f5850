/**
 * `npm run bench:heap`: the young-generation size the app runs with (lib/runtime/heap-options.mjs), chosen by measuring
 * as Node's documentation advises for --max-semi-space-size. Each workload (the 10,001-method core audit, the
 * 1,000-resource SAM and Terraform audits: scripts/heap-workload.ts) runs in a child process per semi-space size, the
 * sizes alternating within each round so that a busy machine's load falls on all of them alike; the table gives the
 * median over rounds of each child's mean audit time, its ratio against V8's default in the same run, the collections'
 * pauses per audit and the peak resident memory, the price of a larger young generation.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { SEMI_SPACE_MIB } from "@/lib/runtime/heap-options.mjs";

const SIZES: ReadonlyArray<number | undefined> = [...new Set([undefined, 32, 64, 128, SEMI_SPACE_MIB])];
const WORKLOADS = ["core", "sam", "terraform"] as const;
const ROUNDS = Number(process.env.PREFLIGHT_BENCH_ROUNDS ?? 3);

interface Figures {
  meanMs: number;
  medianMs: number;
  cpuMs: number;
  youngGcMs: number;
  youngGcs: number;
  fullGcMs: number;
  peakRssMb: number;
}

function runChild(workload: string, size: number | undefined): Figures {
  // The child's own NODE_OPTIONS must not choose a size for it.
  const env = { ...process.env, NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace(/--max[-_]semi[-_]space[-_]size[=\s]\d+/g, "") };
  const flags = size === undefined ? [] : [`--max-semi-space-size=${size}`];
  const out = execFileSync(
    process.execPath,
    [...flags, "--conditions=react-server", "--no-warnings", "--import", "tsx", "scripts/heap-workload.ts", workload],
    { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Figures;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const label = (size: number | undefined) => (size === undefined ? "V8 default (16 MiB here)" : `${size} MiB`);

async function main() {
  const startLoad = loadavg()[0] ?? 0;
  const results = new Map<string, Figures[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts the sizes at a different place.
    const order = SIZES.map((_, i) => SIZES[(i + round) % SIZES.length]);
    for (const workload of WORKLOADS) {
      for (const size of order) {
        const key = `${workload} ${size ?? "default"}`;
        results.set(key, [...(results.get(key) ?? []), runChild(workload, size)]);
      }
    }
    console.error(`round ${round + 1} of ${ROUNDS} done`);
  }
  console.log(`\nSemi-space size against audit time (median over ${ROUNDS} rounds of each child's mean audit; same run)\n`);
  console.log(
    "| workload | semi-space | ms per audit | × default | median audit | CPU ms | young GCs per audit | young GC ms per audit | full GC ms per audit | peak RSS MB | |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const workload of WORKLOADS) {
    const base = middle(results.get(`${workload} default`)!.map((f) => f.meanMs));
    for (const size of SIZES) {
      const runs = results.get(`${workload} ${size ?? "default"}`)!;
      const of = (pick: (f: Figures) => number) => middle(runs.map(pick));
      const ms = of((f) => f.meanMs);
      console.log(
        `| ${workload} | ${label(size)} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} | ${of((f) => f.medianMs).toFixed(1)} | ${of((f) => f.cpuMs).toFixed(1)} | ${of((f) => f.youngGcs).toFixed(2)} | ${of((f) => f.youngGcMs).toFixed(1)} | ${of((f) => f.fullGcMs).toFixed(1)} | ${of((f) => f.peakRssMb).toFixed(0)} | ${size === SEMI_SPACE_MIB ? "shipped" : ""} |`,
      );
    }
  }
  console.log(`(load average at the start: ${startLoad.toFixed(2)} on ${availableParallelism()} cores)`);
}

await main();
