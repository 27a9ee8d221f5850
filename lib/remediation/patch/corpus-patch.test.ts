/**
 * Proof: for every corpus template with fixable findings, the patch applies with real `git apply` (and
 * `patch -p1 --dry-run`), the patched file re-audits without the fixed findings and without new ones, the
 * lines the diff does not touch are byte for byte the original's, and a patched SAM template still translates
 * with the real SAM translator (under CI a missing translator fails instead of skipping).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { selectFindings } from "@/lib/cli/finding-selector";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import { translateWithSam } from "@/lib/templates/sam/testing/corpus";
import type { Finding } from "@/lib/rules/types";

const CORPORA = ["/work/shared/corpus", "/work/shared/corpus-more"];
const FORMATS = ["sam", "cloudformation", "cdk", "openapi"];

const files = CORPORA.flatMap((root) =>
  FORMATS.flatMap((format) => {
    try {
      return readdirSync(join(root, format)).filter((name) => /\.(ya?ml|json)$/.test(name)).map((name) => ({ format, name: name.slice(-60), path: join(root, format, name) }));
    } catch {
      return [];
    }
  }),
);

const patchedFiles: Array<{ name: string; fixed: number; format: string }> = [];
const work = mkdtempSync(join(tmpdir(), "preflight-patch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function keyOf(finding: Finding): string {
  const t = finding.target;
  return [finding.ruleId, t.path ?? "", t.httpMethod ?? "", t.responseType ?? "", t.authorizerId ?? "", t.stage ?? ""].join("|");
}

function audit(dir: string, name: string) {
  const tree = diskFileTree([name], dir);
  if (!tree.ok) throw new Error(tree.message);
  return auditTemplates(tree.tree, { region: "us-east-1" });
}

function reportsOf(audited: ReturnType<typeof audit>) {
  if (audited.errors.length > 0) throw new Error(audited.errors.map((e) => e.message).join("\n"));
  return audited.reports;
}

describe.skipIf(files.length === 0)("template patches on the corpus", () => {
  it.each(files)("$format $name", ({ format, path }) => {
    const dir = mkdtempSync(join(work, "repo-"));
    const name = `template${path.slice(path.lastIndexOf("."))}`;
    copyFileSync(path, join(dir, name));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    git("init", "-q");

    const read = audit(dir, name);
    // A corpus file that does not parse (two upstream files are invalid YAML) has no finding to fix.
    if (read.errors.length > 0) return;
    const before = read.reports;
    const inputs = before.map((report) => ({ report, findings: selectFindings(report.findings, { selectors: [], minSeverity: "medium" }) })).filter((input) => input.findings.length > 0);
    if (inputs.length === 0) return;
    const original = readFileSync(join(dir, name), "utf8");
    const patch = buildTemplatePatch(inputs, (file) => (file === name ? original : undefined));
    if (patch.diff === "") {
      expect(patch.fixed).toEqual([]);
      return;
    }
    writeFileSync(join(dir, "fix.patch"), patch.text);
    patchedFiles.push({ name, fixed: patch.fixed.length, format });
    execFileSync("patch", ["-p1", "--dry-run", "-i", "fix.patch"], { cwd: dir, stdio: "pipe" });
    git("apply", "fix.patch");
    const applied = readFileSync(join(dir, name), "utf8");
    expect(applied).toBe(patch.patched.get(name));

    // Lines the diff does not remove are the original's, in order and byte for byte.
    const removed = new Set<number>();
    let oldLine = 0;
    for (const line of patch.diff.split("\n")) {
      const hunk = /^@@ -(\d+)/.exec(line);
      if (hunk) oldLine = Number(hunk[1]);
      else if (line.startsWith("-") && !line.startsWith("---")) removed.add(oldLine++);
      else if (line.startsWith(" ")) oldLine++;
    }
    const kept = original.split("\n").filter((_line, index) => !removed.has(index + 1));
    const after = applied.split("\n");
    let cursor = 0;
    for (const line of kept) {
      while (cursor < after.length && after[cursor] !== line) cursor++;
      expect(cursor, `kept line ${JSON.stringify(line)} not found in order`).toBeLessThan(after.length);
      cursor++;
    }

    // Re-audit: every fixed finding gone, nothing new.
    const afterReports = reportsOf(audit(dir, name));
    const beforeKeys = new Set(before.flatMap((report) => report.findings.map((f) => `${report.source.kind === "template" ? report.source.apiName : ""}#${keyOf(f)}`)));
    const afterKeys = new Set(afterReports.flatMap((report) => report.findings.map((f) => `${report.source.kind === "template" ? report.source.apiName : ""}#${keyOf(f)}`)));
    for (const { report, findings } of inputs) {
      for (const finding of findings) {
        if (!patch.fixed.includes(finding)) continue;
        expect(afterKeys.has(`${report.source.kind === "template" ? report.source.apiName : ""}#${keyOf(finding)}`), `fixed finding still there: ${keyOf(finding)}`).toBe(false);
      }
    }
    expect([...afterKeys].filter((key) => !beforeKeys.has(key))).toEqual([]);
    expect(patch.fixed.length).toBeGreaterThan(0);

    if (format === "sam") {
      const translated = translateWithSam(join(dir, name));
      if (!translated.ok && "unavailable" in translated) {
        if (process.env.CI) throw new Error(translated.unavailable);
        return;
      }
      expect(translated.ok ? "" : translated.refused).toBe("");
    }
  });

  // Guards the early returns above: the corpus must keep exercising every format the patcher writes.
  it("patched templates of every format", () => {
    const formats = new Set(patchedFiles.map((file) => file.format));
    console.info(`patched ${patchedFiles.length} corpus templates, ${patchedFiles.reduce((sum, file) => sum + file.fixed, 0)} findings fixed`);
    for (const format of FORMATS) expect(formats.has(format), format).toBe(true);
  });
});
