import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "@/lib/remediation/patch/unified-diff";

const work = mkdtempSync(join(tmpdir(), "preflight-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lines = (n: number, at = 0) => Array.from({ length: n }, (_, i) => `line ${i + at}\n`).join("");

const CASES: Array<{ name: string; path: string; before: string; after: string }> = [
  { name: "insertion in the middle", path: "t.yaml", before: lines(20), after: lines(10) + "new\n" + lines(10, 10) },
  { name: "two distant hunks", path: "dir/t.json", before: lines(40), after: "top\n" + lines(40).replace("line 30\n", "thirty\n") },
  { name: "no final newline, last line changed", path: "t.yaml", before: "a\nb", after: "a\nc" },
  { name: "final newline added", path: "t.yaml", before: "a\nb", after: "a\nb\nc\n" },
  { name: "a path with a space and a quote", path: 'we"ird dir/tém plate.yaml', before: lines(5), after: lines(5) + "x\n" },
];

describe("unifiedDiff applies with git apply and patch -p1", () => {
  it.each(CASES)("$name", ({ path, before, after }) => {
    const diff = unifiedDiff(path, before, after);
    for (const tool of ["git", "patch"]) {
      const dir = mkdtempSync(join(work, `${tool}-`));
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), before);
      writeFileSync(join(dir, "p.diff"), `# a header line\n${diff}`);
      if (tool === "git") {
        execFileSync("git", ["init", "-q"], { cwd: dir });
        execFileSync("git", ["apply", "p.diff"], { cwd: dir, stdio: "pipe" });
      } else execFileSync("patch", ["-p1", "-s", "-i", "p.diff"], { cwd: dir, stdio: "pipe" });
      expect(readFileSync(join(dir, path), "utf8"), tool).toBe(after);
    }
  });

  it("is empty when nothing changed, and keeps unchanged lines out of the hunks", () => {
    expect(unifiedDiff("t", "a\n", "a\n")).toBe("");
    const diff = unifiedDiff("t.yaml", lines(40), lines(40).replace("line 20\n", "twenty\n"));
    expect(diff.split("\n").filter((line) => line.startsWith(" ")).length).toBe(6);
    expect(diff).toContain("@@ -18,7 +18,7 @@\n");
  });
});
