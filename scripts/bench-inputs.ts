/**
 * What the core and template benchmarks audit, made the same way for each of them (bench:core, bench:template,
 * bench:heap): API snapshots read through the real reader from the emulator, and template files as an upload gives them.
 */
import { startEmulator } from "@/lib/emulator";
import { generateLargeApi } from "@/lib/emulator/seeds";
import { openConnection } from "@/lib/aws/connections/connection";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import type { FileTree } from "@/lib/templates/files/file-tree";
import { setsOption } from "@/lib/runtime/node-flags.mjs";

/** The large API has a GET on every resource and an OPTIONS on every other one: 1.5 methods a resource. */
export const LARGE_API_RESOURCES = Math.ceil(10_000 / 1.5);

export async function readSnapshot(url: string, restApiId: string): Promise<RawApiSnapshot> {
  const opened = await openConnection({ kind: "demo" }, { endpoint: url });
  if (!opened.ok) throw opened.error;
  const read = await readLiveApi(opened.connection, "us-east-1", restApiId, fastLiveOptions());
  if (!read.result.ok) throw read.result.error;
  return read.result.snapshot;
}

/** The generated API (`generateLargeApi` options), read through the reader; the emulator is gone before anything is timed. */
export async function readGeneratedApi(options: Parameters<typeof generateLargeApi>[1]): Promise<RawApiSnapshot> {
  const emulator = await startEmulator({ port: 0, seed: false });
  try {
    return await readSnapshot(emulator.url, generateLargeApi(emulator.store, options));
  } finally {
    await emulator.close();
  }
}

/**
 * The files with a comment naming the run appended to the first (YAML and HCL both take `#`): a fresh upload's text,
 * decoded from its bytes as an upload's `file.text()` is, so no parse cache serves it. A string joined in memory would
 * be a rope (a V8 cons string) that every character loop reads about a quarter slower than the flat text a real upload
 * or file read gives.
 */
export function freshUpload(files: ReadonlyArray<{ path: string; text: string }>, run: number): FileTree {
  const uploaded = files.map(({ path, text }, index) => ({
    path,
    text: Buffer.from(index === 0 ? `${text}# bench run ${run}\n` : text, "utf8").toString("utf8"),
  }));
  return memoryFileTree(uploaded);
}

/** Mean, median and fastest of a series of timings (the mean is what a run of audits costs each, collections included). */
export function summary(values: readonly number[]): { mean: number; median: number; fastest: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    median: sorted[Math.floor(sorted.length / 2)]!,
    fastest: sorted[0]!,
  };
}

/** The workloads `npm run bench:heap` runs, each in a child process (scripts/heap-workload.ts). */
export const HEAP_WORKLOADS = ["core", "sam", "terraform"] as const;
export type HeapWorkload = (typeof HEAP_WORKLOADS)[number];

/** What a heap-workload child prints, one JSON line, and bench:heap reads. */
export interface WorkloadFigures {
  meanMs: number;
  medianMs: number;
  cpuMs: number;
  youngGcMs: number;
  youngGcs: number;
  fullGcMs: number;
  peakRssMb: number;
}

/** The same node flags, in any order. */
export function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && b.every((flag) => a.includes(flag));
}

/** The node flags this process runs with, said against those the app and the CLI ship with (lib/runtime/node-flags.mjs). */
export function nodeSetting(shipped: readonly string[]): string {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].filter((arg) =>
    shipped.some((flag) => setsOption(arg, flag)),
  );
  if (sameFlags(given, shipped)) return `${given.join(" ")}, as the app and the CLI run`;
  return `node flags ${given.length > 0 ? given.join(" ") : "none (V8's defaults)"}, not the app's ${shipped.join(" ")}: use the npm script`;
}
