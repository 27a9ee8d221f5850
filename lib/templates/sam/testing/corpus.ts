/**
 * Test helpers for SAM templates of the shared corpus: a temporary directory holding a template and the
 * files it includes (the corpus stores `./api.yaml` of a template as `openapi/<owner>__<repo>__<dir>__api.yaml`,
 * see SOURCES.md), a read context confined to it, and the real SAM translator as an oracle.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TemplateFile, TemplateReadContext } from "@/lib/templates/types";

export const CORPUS_SAM_DIRS = ["/work/shared/corpus/sam", "/work/shared/corpus-more/sam"];

/** Copies `template` (and the local files its AWS::Include Locations name) into a fresh directory. */
export function materialize(templatePath: string): { dir: string; entry: TemplateFile } {
  const dir = mkdtempSync(join(tmpdir(), "preflight-sam-"));
  const text = readFileSync(templatePath, "utf8");
  writeFileSync(join(dir, "template.yaml"), text);
  const name = basename(templatePath);
  const prefix = name.slice(0, name.lastIndexOf("__") + 2);
  for (const match of text.matchAll(/Location:\s*["']?([^"'\s]+)["']?/g)) {
    const location = match[1] as string;
    if (location.includes("://")) continue;
    const stored = `${prefix}${location.replace(/^\.\//, "").replaceAll("/", "__")}`;
    for (const corpus of ["/work/shared/corpus/openapi", "/work/shared/corpus-more/openapi"]) {
      const source = join(corpus, stored);
      if (!existsSync(source)) continue;
      const target = join(dir, location);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(source));
    }
  }
  return { dir, entry: { path: "template.yaml", text } };
}

/** A read context like the loader's: relative reads confined to `dir`. */
export function directoryContext(dir: string, region = "us-east-1"): TemplateReadContext {
  return {
    region,
    listSiblings: () => [],
    readRelative(from, relativePath) {
      const target = normalize(join(dirname(from), relativePath));
      const absolute = resolve(dir, target);
      if (relative(dir, absolute).startsWith(".."))
        return { ok: false, error: { message: `${relativePath}: outside the audited directory` } };
      if (!existsSync(absolute)) return { ok: false, error: { message: `${relativePath}: no such file` } };
      return { ok: true, file: { path: target, text: readFileSync(absolute, "utf8") } };
    },
  };
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "translate.py");

export type Translation =
  { ok: true; template: Record<string, unknown> } | { ok: false; refused: string } | { ok: false; unavailable: string };

/** Runs the real SAM translator (aws-sam-translator) on `templatePath`. */
export function translateWithSam(templatePath: string): Translation {
  const result = spawnSync("python3", [SCRIPT, templatePath], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { ok: false, unavailable: `python3: ${result.error.message}` };
  if (result.status === 2) return { ok: false, refused: result.stderr.trim() };
  if (result.status !== 0) {
    const unavailable = /No module named 'samtranslator'/.test(result.stderr);
    return unavailable
      ? { ok: false, unavailable: "aws-sam-translator is not installed" }
      : { ok: false, refused: result.stderr.trim().split("\n").pop() ?? "" };
  }
  return { ok: true, template: JSON.parse(result.stdout) as Record<string, unknown> };
}
