/**
 * Proof: for every corpus template with fixable findings (SAM, CloudFormation, CDK, OpenAPI files and Terraform
 * directories), the patch applies with real `git apply` (and `patch -p1 --dry-run`), the patched files re-audit
 * without the fixed findings and without new ones, the lines the diff does not remove are byte for byte the
 * original's, in order, and a patched SAM template still translates with the real SAM translator (under CI a
 * missing translator fails instead of skipping).
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { selectFindings } from "@/lib/cli/finding-selector";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import { translateWithSam } from "@/lib/templates/sam/testing/corpus";
import type { Finding } from "@/lib/rules/types";

const CORPORA = ["/work/shared/corpus", "/work/shared/corpus-more"];
const FORMATS = ["sam", "cloudformation", "cdk", "openapi", "terraform"];

/** One case: a template file, or a Terraform directory (its .tf files read together). */
const cases = CORPORA.flatMap((root) =>
  FORMATS.flatMap((format) => {
    let names: string[];
    try {
      names = readdirSync(join(root, format));
    } catch {
      return [];
    }
    if (format === "terraform") {
      const dirs = names.filter((name) => statSync(join(root, format, name)).isDirectory()).map((name) => join(root, format, name));
      // The flat corpus folder holds unrelated snippets: it is one case, like a directory the user names.
      if (names.some((name) => name.endsWith(".tf"))) dirs.push(join(root, format));
      return dirs.map((path) => ({ format, name: path.slice(-60), path }));
    }
    return names
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .map((name) => ({ format, name: name.slice(-60), path: join(root, format, name) }));
  }),
);

// The demo APIs as templates (the emulator's seeds), when this checkout has them: SAM files and Terraform directories.
const DEMO_ROOT = join(process.cwd(), "lib/emulator/seeds/templates");
for (const demo of existsSync(DEMO_ROOT) ? readdirSync(DEMO_ROOT) : []) {
  const template = join(DEMO_ROOT, demo, "template.yaml");
  if (existsSync(template))
    cases.push({
      format: /AWS::Serverless-2016-10-31/.test(readFileSync(template, "utf8")) ? "sam" : "cloudformation",
      name: `demo ${demo}`,
      path: template,
    });
  if (existsSync(join(DEMO_ROOT, demo, "terraform")))
    cases.push({ format: "terraform", name: `demo ${demo} terraform`, path: join(DEMO_ROOT, demo, "terraform") });
}

const patchedCases: Array<{ name: string; fixed: number; format: string }> = [];
let samTranslated = 0;
const work = mkdtempSync(join(tmpdir(), "preflight-patch-"));
let readers: TemplateReaders;
beforeAll(async () => {
  readers = await loadTemplateReaders();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function keyOf(apiName: string, finding: Finding): string {
  const t = finding.target;
  return [apiName, finding.ruleId, t.path ?? "", t.httpMethod ?? "", t.responseType ?? "", t.authorizerId ?? "", t.stage ?? ""].join("|");
}

function audit(dir: string, name: string) {
  const tree = diskFileTree([name], dir);
  if (!tree.ok) throw new Error(tree.message);
  return auditTemplates(tree.tree, { region: "us-east-1", readers });
}

function apiNameOf(report: { source: { kind: string; apiName?: string } }): string {
  return report.source.kind === "template" ? (report.source.apiName ?? "") : "";
}

describe.skipIf(cases.length === 0)("template patches on the corpus", () => {
  it.each(cases)("$format $name", async ({ format, path }) => {
    const dir = mkdtempSync(join(work, "repo-"));
    let name: string;
    if (format === "terraform") {
      name = "infra";
      mkdirSync(join(dir, name));
      for (const file of readdirSync(path).filter((file) => file.endsWith(".tf"))) copyFileSync(join(path, file), join(dir, name, file));
    } else {
      name = `template${path.slice(path.lastIndexOf("."))}`;
      cpSync(path, join(dir, name));
    }
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    git("init", "-q");

    const read = await audit(dir, name);
    // A corpus file that does not parse (two upstream files are invalid YAML) has no finding to fix.
    if (read.errors.length > 0) return;
    const before = read.reports;
    const inputs = before
      .map((report) => ({ report, findings: selectFindings(report.findings, { selectors: [], minSeverity: "medium" }) }))
      .filter((input) => input.findings.length > 0);
    if (inputs.length === 0) return;
    const originals = new Map<string, string>();
    const patch = buildTemplatePatch(inputs, (file) => {
      try {
        const text = readFileSync(join(dir, file), "utf8");
        originals.set(file, text);
        return text;
      } catch {
        return undefined;
      }
    });
    if (patch.diff === "") {
      expect(patch.fixed).toEqual([]);
      return;
    }
    writeFileSync(join(dir, "fix.patch"), patch.text);
    patchedCases.push({ name, fixed: patch.fixed.length, format });
    execFileSync("patch", ["-p1", "--dry-run", "-i", "fix.patch"], { cwd: dir, stdio: "pipe" });
    git("apply", "fix.patch");

    for (const [file, expected] of patch.patched) {
      const applied = readFileSync(join(dir, file), "utf8");
      expect(applied).toBe(expected);
      // Lines the diff does not remove are the original's, in order and byte for byte.
      const fileDiff = patch.diff.split(/^(?=diff --git )/m).find((part) => part.includes(`\n+++ b/${file}\n`)) ?? "";
      const removed = new Set<number>();
      let oldLine = 0;
      for (const line of fileDiff.split("\n")) {
        const hunk = /^@@ -(\d+)/.exec(line);
        if (hunk) oldLine = Number(hunk[1]);
        else if (line.startsWith("-") && !line.startsWith("---")) removed.add(oldLine++);
        else if (line.startsWith(" ")) oldLine++;
      }
      const kept = (originals.get(file) as string).split("\n").filter((_line, index) => !removed.has(index + 1));
      const after = applied.split("\n");
      let cursor = 0;
      for (const line of kept) {
        while (cursor < after.length && after[cursor] !== line) cursor++;
        expect(cursor, `${file}: kept line ${JSON.stringify(line)} not found in order`).toBeLessThan(after.length);
        cursor++;
      }
    }

    // Re-audit: every fixed finding gone, nothing new.
    const again = await audit(dir, name);
    expect(again.errors).toEqual([]);
    const beforeKeys = new Set(before.flatMap((report) => report.findings.map((f) => keyOf(apiNameOf(report), f))));
    const afterKeys = new Set(again.reports.flatMap((report) => report.findings.map((f) => keyOf(apiNameOf(report), f))));
    for (const { report, findings } of inputs) {
      for (const finding of findings) {
        if (patch.fixed.includes(finding))
          expect(afterKeys.has(keyOf(apiNameOf(report), finding)), `fixed finding still there: ${keyOf(apiNameOf(report), finding)}`).toBe(
            false,
          );
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
      samTranslated++;
    }
  });

  // Guards the early returns above: the corpus must keep exercising every format the patcher writes.
  it("patched templates of every format", () => {
    const formats = new Set(patchedCases.map((entry) => entry.format));
    console.info(
      `patched ${patchedCases.length} corpus cases, ${patchedCases.reduce((sum, entry) => sum + entry.fixed, 0)} findings fixed, ${samTranslated} patched SAM templates translated`,
    );
    for (const format of FORMATS) expect(formats.has(format), format).toBe(true);
  });
});
