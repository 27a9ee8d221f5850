import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEAP_FLAGS, heapFlags, SEMI_SPACE_MIB, setsOption, withHeapOptions } from "@/lib/runtime/heap-options.mjs";

const FLAG = `--max-semi-space-size=${SEMI_SPACE_MIB}`;
const ALL = HEAP_FLAGS.join(" ");

describe("heap options", () => {
  it("adds the semi-space size to a child's flags and NODE_OPTIONS", () => {
    expect(heapFlags({})).toEqual(HEAP_FLAGS);
    expect(HEAP_FLAGS).toContain(FLAG);
    expect(withHeapOptions(undefined)).toBe(ALL);
    expect(withHeapOptions("  --enable-source-maps ")).toBe(`${ALL} --enable-source-maps`);
  });

  it("keeps a semi-space size the user already chose, in either spelling", () => {
    expect(heapFlags({ NODE_OPTIONS: "--max-semi-space-size=8" })).not.toContain(FLAG);
    expect(heapFlags({ NODE_OPTIONS: "--inspect --max_semi_space_size 32" })).not.toContain(FLAG);
    expect(setsOption("--max-old-space-size=4096", FLAG)).toBe(false);
    expect(setsOption("--allocation-site-pretenuring", "--no-allocation-site-pretenuring")).toBe(true);
  });

  it("is an option node accepts in NODE_OPTIONS, and it enlarges the young generation", () => {
    const newSpace = (nodeOptions: string) =>
      Number(
        execFileSync(
          process.execPath,
          [
            "-e",
            // Enough survivors that V8 grows the young generation to its maximum.
            'const v8 = require("node:v8"); const kept = []; for (let i = 0; i < 3e6; i++) kept.push({ i }); process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size))',
          ],
          { env: { ...process.env, NODE_OPTIONS: nodeOptions } },
        ),
      );
    const shipped = newSpace(withHeapOptions(""));
    expect(shipped).toBeGreaterThan(newSpace("--max-semi-space-size=16"));
    // The user's own size, given later in NODE_OPTIONS, is the one V8 takes.
    expect(newSpace(withHeapOptions("--max-semi-space-size=16"))).toBeLessThan(shipped);
  });

  it("is what the production server and the benchmarks run with", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const name of ["serve", "bench:core", "bench:template", "bench:read"])
      for (const flag of HEAP_FLAGS) expect(scripts[name], name).toContain(flag);
  });
});
