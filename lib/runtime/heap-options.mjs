// The V8 heap settings the app server and the CLI run with, and the benchmarks measure (issue 16).
// Plain JavaScript so `npm start` (scripts/start.mjs) and the CLI launcher (bin/preflight.mjs) read it before anything
// is compiled; the benchmarks import the same values.
//
// An audit builds a model and findings of several MB (9 MB for a 10,000-method API) and a template read holds its
// syntax until it is evaluated. With V8's default young generation (semi-spaces of at most 16 MiB on 64-bit) the
// scavenger runs in the middle of that work and copies whatever is live, often twice; larger semi-spaces let most of an
// audit's garbage die between scavenges. Node documents the option as the throughput knob to choose by benchmark
// (https://nodejs.org/api/cli.html#--max-semi-space-sizesize-in-mib): `npm run bench:heap` compares settings, and the
// README's Benchmarks section gives the figures behind these and the memory they cost.

/** MiB per semi-space. The young generation reserves three of them (V8's YoungGenerationSizeFromSemiSpaceSize). */
export const SEMI_SPACE_MIB = 64;

/** The node flags, in the order they are given. */
export const HEAP_FLAGS = [`--max-semi-space-size=${SEMI_SPACE_MIB}`];

/**
 * The node command-line flags, for a child started with `process.execPath`: each one NODE_OPTIONS does not already set,
 * since command-line flags would override the user's own choice there.
 */
export function heapFlags(env = process.env) {
  return HEAP_FLAGS.filter((flag) => !setsOption(env.NODE_OPTIONS, flag));
}

/**
 * NODE_OPTIONS with the settings added, for a child that is not started as `node` (next start). They go first: V8 takes
 * the last of repeated flags, so a setting the user's own NODE_OPTIONS gives still wins.
 */
export function withHeapOptions(nodeOptions) {
  const given = nodeOptions?.trim() ?? "";
  return [...HEAP_FLAGS, ...(given ? [given] : [])].join(" ");
}

/** True when these options already set the flag's option, to any value or negated (`-` and `_` alike in V8 names). */
export function setsOption(options, flag) {
  const name = flag
    .replace(/^--(?:no-)?/, "")
    .replace(/=.*$/, "")
    .replace(/[-_]/g, "[-_]");
  return new RegExp(`(?:^|\\s)--(?:no[-_])?${name}(?:=|\\s|$)`).test(options ?? "");
}
