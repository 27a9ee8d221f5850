// The V8 heap setting the app server and the CLI run with, and the benchmarks measure (issue 16).
// Plain JavaScript so `npm start` (scripts/start.mjs) and the CLI launcher (bin/preflight.mjs) read it before anything
// is compiled; the benchmarks import the same values.
//
// An audit builds a model and findings of several MB (9 MB for a 10,000-method API) and a template read holds its
// syntax until it is evaluated. With V8's default young generation (semi-spaces of at most 16 MiB on 64-bit) the
// scavenger runs in the middle of that work and copies whatever is live, often twice; larger semi-spaces let most of an
// audit's garbage die between scavenges. Node documents the option as the throughput knob to choose by benchmark
// (https://nodejs.org/api/cli.html#--max-semi-space-sizesize-in-mib): `npm run bench:heap` compares sizes, and the
// README's Benchmarks section gives the figures behind this value and the memory it costs.

/** MiB per semi-space. The young generation reserves three of them (V8's YoungGenerationSizeFromSemiSpaceSize). */
export const SEMI_SPACE_MIB = 64;

const FLAG = "--max-semi-space-size";

/**
 * The node command-line flags, for a child started with `process.execPath`: none when NODE_OPTIONS already chooses a
 * size, since command-line flags would override the user's choice there.
 */
export function heapFlags(env = process.env) {
  return setsSemiSpace(env.NODE_OPTIONS) ? [] : [`${FLAG}=${SEMI_SPACE_MIB}`];
}

/**
 * NODE_OPTIONS with the setting added, for a child that is not started as `node` (next start). It goes first: V8 takes
 * the last of repeated flags, so a size the user's own NODE_OPTIONS gives still wins.
 */
export function withHeapOptions(nodeOptions) {
  const given = nodeOptions?.trim() ?? "";
  return given ? `${FLAG}=${SEMI_SPACE_MIB} ${given}` : `${FLAG}=${SEMI_SPACE_MIB}`;
}

/** True when these options already choose a semi-space size (the user's own choice is kept). */
export function setsSemiSpace(options) {
  return /(?:^|\s)--max[-_]semi[-_]space[-_]size(?:=|\s|$)/.test(options ?? "");
}
