/**
 * A git-style unified diff of one file (`diff --git a/… b/…`, 3 lines of context), which `git apply` and
 * `patch -p1` both apply. The line diff is jsdiff's (Myers' algorithm); this file adds git's header and
 * path quoting. The proof tests apply every patch with real git and patch.
 */
import { structuredPatch } from "diff";

/** Git's quoting of a path with special characters (`"a/na\"me"`); plain paths stay bare. */
export function quotePath(prefix: string, path: string): string {
  const full = prefix + path;
  if (!/[\u0000-\u001f"\\\u007f-\uffff ]/.test(full)) return full;
  let out = "";
  for (const byte of Buffer.from(full, "utf8")) {
    const char = String.fromCharCode(byte);
    if (char === '"' || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += char;
  }
  return `"${out}"`;
}

const CONTEXT = 3;

/** The diff of `path` from `before` to `after`; "" when they are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return "";
  const { hunks } = structuredPatch(path, path, before, after, undefined, undefined, { context: CONTEXT });
  let out = `diff --git ${quotePath("a/", path)} ${quotePath("b/", path)}\n--- ${quotePath("a/", path)}\n+++ ${quotePath("b/", path)}\n`;
  for (const hunk of hunks) {
    // An empty side is numbered by the line before it (the unified diff quirk jsdiff's formatPatch applies too).
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out += `@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@\n`;
    for (const line of hunk.lines) out += `${line}\n`;
  }
  return out;
}
