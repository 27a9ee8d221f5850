import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS, nodeFlags, SEMI_SPACE_MIB, setsOption, withoutOption } from "@/lib/runtime/node-flags.mjs";

const SEMI_SPACE = `--max-semi-space-size=${SEMI_SPACE_MIB}`;

/** The young generation's capacity in a node started with these flags, once enough objects survived to grow it. */
function newSpaceBytes(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const script =
    'const v8 = require("node:v8"); const kept = []; for (let i = 0; i < 3e6; i++) kept.push({ i }); process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size))';
  return Number(execFileSync(process.execPath, [...flags, "-e", script], { env }));
}

/** The threads of a node started with these flags (Linux lists them in /proc). */
function threadCount(flags: readonly string[]): number {
  const script = 'process.stdout.write(String(require("node:fs").readdirSync("/proc/self/task").length))';
  return Number(execFileSync(process.execPath, [...flags, "-e", script], { env: { ...process.env, NODE_OPTIONS: "" } }));
}

describe("node flags", () => {
  it("gives a child the semi-space size, pretenuring switched off and V8's pool sized by node", () => {
    expect(nodeFlags({})).toEqual(NODE_FLAGS);
    expect(NODE_FLAGS).toEqual([SEMI_SPACE, "--no-allocation-site-pretenuring", "--v8-pool-size=0"]);
  });

  it("leaves out a setting the user's NODE_OPTIONS already chooses, in either spelling", () => {
    expect(nodeFlags({ NODE_OPTIONS: "--max-semi-space-size=8" })).toEqual(["--no-allocation-site-pretenuring", "--v8-pool-size=0"]);
    expect(nodeFlags({ NODE_OPTIONS: "--v8_pool_size=4" })).not.toContain("--v8-pool-size=0");
    expect(nodeFlags({ NODE_OPTIONS: "--inspect --max_semi_space_size 32" })).not.toContain(SEMI_SPACE);
    expect(setsOption("--max-old-space-size=4096", SEMI_SPACE)).toBe(false);
    expect(setsOption("--allocation-site-pretenuring", "--no-allocation-site-pretenuring")).toBe(true);
  });

  it("takes a setting of the option out of options, with its value, and leaves the rest", () => {
    expect(withoutOption("--inspect --max_semi_space_size 32 --max-old-space-size=4096", SEMI_SPACE)).toBe(
      "--inspect --max-old-space-size=4096",
    );
    expect(withoutOption("--max-semi-space-size=8", SEMI_SPACE)).toBe("");
    expect(withoutOption("--allocation-site-pretenuring --trace-gc", "--no-allocation-site-pretenuring")).toBe("--trace-gc");
  });

  it("are flags this node accepts, and they enlarge the young generation", () => {
    // An unknown V8 flag makes node exit before running anything: a later Node without one fails here, not in npm start.
    expect(execFileSync(process.execPath, [...NODE_FLAGS, "-e", 'process.stdout.write("ok")'], { encoding: "utf8" })).toBe("ok");
    const env = { ...process.env, NODE_OPTIONS: "" };
    const shipped = newSpaceBytes(NODE_FLAGS, env);
    expect(shipped).toBeGreaterThan(newSpaceBytes(["--max-semi-space-size=16"], env));
    // The user's own size in NODE_OPTIONS is kept: the flags leave it out, and V8 takes it.
    const user = { ...process.env, NODE_OPTIONS: "--max-semi-space-size=16" };
    expect(newSpaceBytes(nodeFlags(user), user)).toBeLessThan(shipped);
  });

  // Node's default pool is 4 threads on any machine; sized by node, it is at most one fewer than the machine's
  // parallelism (and at least one).
  it.runIf(process.platform === "linux")("give V8 fewer background threads on a machine with fewer than five cores", () => {
    const shipped = threadCount(NODE_FLAGS);
    const byDefault = threadCount([]);
    if (availableParallelism() < 5) expect(shipped).toBeLessThan(byDefault);
    else expect(shipped).toBeGreaterThanOrEqual(byDefault);
  });

  it("are what the production server and the benchmarks run with", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const name of ["serve", "bench:core", "bench:template", "bench:read"])
      expect(scripts[name], name).toContain(`node ${NODE_FLAGS.join(" ")} `);
    expect(readFileSync("scripts/start.mjs", "utf8")).toContain("...nodeFlags()");
  });
});
