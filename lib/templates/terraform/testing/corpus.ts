/**
 * Test support: the Terraform configurations of the shared corpus (see /work/shared/corpus/SOURCES.md), each file
 * under its original path in its repository, so a configuration's directories are the repository's own.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOTS = [join(process.cwd(), "..", "shared", "corpus", "terraform"), join(process.cwd(), "..", "shared", "corpus-more", "terraform")];

/** repository ("owner__repo", or the corpus-more folder name) → original path → text. */
export function corpusConfigurations(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const add = (key: string, path: string, text: string) => {
    const files = out.get(key) ?? {};
    files[path] = text;
    out.set(key, files);
  };
  for (const root of ROOTS) {
    for (const entry of readdirSync(root)) {
      const full = join(root, entry);
      if (statSync(full).isDirectory()) {
        for (const name of readdirSync(full)) add(entry, name.split("__").join("/"), readFileSync(join(full, name), "utf8"));
      } else {
        const [owner, repo, ...rest] = entry.split("__");
        add(`${owner}__${repo}`, rest.join("/"), readFileSync(full, "utf8"));
      }
    }
  }
  return out;
}
