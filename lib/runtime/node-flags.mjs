// The node settings the app server and the CLI run with, and the benchmarks measure (issue 16).
// Plain JavaScript so `npm start` (scripts/start.mjs) and the CLI launcher (bin/preflight.mjs) read it before anything
// is compiled; the benchmarks import the same values. `npm run bench:heap` compares settings on the core and template
// audits, and the README's Benchmarks section gives the figures behind these and the memory they cost.
//
// An audit builds a model and findings of several MB (9 MB for a 10,000-method API) and a template read holds its
// syntax until it is evaluated. With V8's default young generation (semi-spaces of at most 16 MiB on 64-bit) the
// scavenger runs in the middle of that work and copies whatever is live; larger semi-spaces let most of an audit's
// garbage die between scavenges. Node documents --max-semi-space-size as the throughput knob to choose by benchmark
// (https://nodejs.org/api/cli.html#--max-semi-space-sizesize-in-mib). With allocation-site pretenuring on, V8 starts
// allocating an audit's object literals in the old generation once they have survived a few scavenges, after which
// those audits ran slower (writes into old objects are recorded for the scavenger, and dead old objects keep young ones
// alive until the next full collection); off, they stay young and die young.
//
// Node gives V8 a pool of 4 background threads whatever the machine (concurrent marking, sweeping, compiling, helpers
// of each scavenge); on a 2-core machine they take turns with the thread running the audit. `--v8-pool-size=0` lets
// Node size the pool from the machine's parallelism instead (https://nodejs.org/api/cli.html#--v8-pool-sizenum).
//
// V8 options other than the semi-space size are refused in NODE_OPTIONS, so all are given on node's command line.

/** MiB per semi-space. The young generation reserves three of them (V8's YoungGenerationSizeFromSemiSpaceSize). */
export const SEMI_SPACE_MIB = 64;

/** The node flags, in the order they are given. */
export const NODE_FLAGS = [`--max-semi-space-size=${SEMI_SPACE_MIB}`, "--no-allocation-site-pretenuring", "--v8-pool-size=0"];

/**
 * The node command-line flags for a child started with `process.execPath`: each one the user's NODE_OPTIONS does not
 * already set, since a command-line flag would override the user's own choice there.
 */
export function nodeFlags(env = process.env) {
  return NODE_FLAGS.filter((flag) => !setsOption(env.NODE_OPTIONS, flag));
}

/** The option a flag sets, in each spelling V8 takes: `-` or `_`, negated or not (`--no-…`). */
function optionPattern(flag) {
  const name = flag
    .replace(/^--(?:no-)?/, "")
    .replace(/=.*$/, "")
    .replace(/[-_]/g, "[-_]");
  return `--(?:no[-_])?${name}`;
}

/** True when these options already set the flag's option, to any value or negated. */
export function setsOption(options, flag) {
  return new RegExp(`(?:^|\\s)${optionPattern(flag)}(?:=|\\s|$)`).test(options ?? "");
}

/** These options without any setting of the flag's option (its value too, given after `=` or a space). */
export function withoutOption(options, flag) {
  return (options ?? "").replace(new RegExp(`(?:^|\\s)${optionPattern(flag)}(?:=\\S*|\\s+\\d+)?(?=\\s|$)`, "g"), "").trim();
}
