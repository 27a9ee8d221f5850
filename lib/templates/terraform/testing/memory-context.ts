/** Test support: a TemplateReadContext over files held in memory (path → text), confined like the real loader. */
import { posix } from "node:path";
import type { TemplateReadContext } from "@/lib/templates/types";

export function memoryContext(files: Record<string, string>, region = "us-east-1"): TemplateReadContext {
  return {
    region,
    listSiblings(from) {
      const dir = posix.dirname(from);
      return Object.keys(files)
        .filter((p) => posix.dirname(p) === dir)
        .map((p) => posix.basename(p));
    },
    readRelative(from, relativePath) {
      const path = posix.normalize(posix.join(posix.dirname(from), relativePath));
      const text = files[path];
      if (path.startsWith("..") || text === undefined)
        return { ok: false, error: { message: `${relativePath}: no such file in the audited directory` } };
      return { ok: true, file: { path, text } };
    },
  };
}
