/** Test helper: a template patch proven with real `git apply` and a re-audit (the corpus proof, for one file). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import type { Finding } from "@/lib/rules/types";

const keyOf = (f: Finding) => [f.ruleId, f.target.path ?? "", f.target.httpMethod ?? "", f.target.stage ?? ""].join("|");

async function auditDir(dir: string, target: string) {
  const tree = diskFileTree([target], dir);
  if (!tree.ok) throw new Error(tree.message);
  const audited = await auditTemplates(tree.tree, { region: "us-east-1" });
  expect(audited.errors).toEqual([]);
  return audited.reports;
}

/**
 * The patch proof: audit `text` as template.yaml (or `files`, a Terraform directory's, audited as `target`), patch the
 * findings of `rules`, `git apply` it, check each applied file is the patched text, every line the diff does not remove
 * is kept in order, the fixed findings are gone and no new finding appeared.
 */
export async function provePatch(
  work: string,
  name: string,
  text: string | Record<string, string>,
  rules: readonly string[],
  target = "template.yaml",
) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const files = typeof text === "string" ? { "template.yaml": text } : text;
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const before = await auditDir(dir, target);
  const inputs = before
    .map((report) => ({ report, findings: report.findings.filter((f) => rules.includes(f.ruleId)) }))
    .filter((input) => input.findings.length > 0);
  expect(inputs.length).toBeGreaterThan(0);
  const patch = buildTemplatePatch(inputs, (file) => (Object.hasOwn(files, file) ? files[file] : undefined));
  writeFileSync(join(dir, "fix.patch"), patch.text);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["apply", "fix.patch"], { cwd: dir });
  expect(patch.patched.size).toBeGreaterThan(0);
  for (const [file, patched] of patch.patched) {
    const applied = readFileSync(join(dir, file), "utf8");
    expect(applied).toBe(patched);
    const fileDiff = patch.diff.split(/^(?=diff --git )/m).find((part) => part.includes(`\n+++ b/${file}\n`)) ?? "";
    const removed = new Set<number>();
    let oldLine = 0;
    for (const line of fileDiff.split("\n")) {
      const hunk = /^@@ -(\d+)/.exec(line);
      if (hunk) oldLine = Number(hunk[1]);
      else if (line.startsWith("-") && !line.startsWith("---")) removed.add(oldLine++);
      else if (line.startsWith(" ")) oldLine++;
    }
    const after = applied.split("\n");
    let cursor = 0;
    (files[file] as string).split("\n").forEach((line, index) => {
      if (removed.has(index + 1)) return;
      while (cursor < after.length && after[cursor] !== line) cursor++;
      expect(cursor, `${file}: kept line ${JSON.stringify(line)}`).toBeLessThan(after.length);
      cursor++;
    });
  }

  const again = await auditDir(dir, target);
  const beforeKeys = new Set(before.flatMap((r) => r.findings.map(keyOf)));
  const afterKeys = new Set(again.flatMap((r) => r.findings.map(keyOf)));
  for (const finding of patch.fixed) expect(afterKeys.has(keyOf(finding)), keyOf(finding)).toBe(false);
  expect([...afterKeys].filter((key) => !beforeKeys.has(key))).toEqual([]);
  return { patch, fixed: patch.fixed.map(keyOf) };
}
