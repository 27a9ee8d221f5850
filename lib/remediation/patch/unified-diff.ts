/**
 * A git-style unified diff of one file (`diff --git a/… b/…`, 3 lines of context), which `git apply` and
 * `patch -p1` both apply. Lines are compared with Myers' O(ND) algorithm: the edits Preflight makes are few
 * and local, so D stays small even in a large template. Written here rather than added as a dependency
 * because the checkout shares one node_modules; the proof tests apply every patch with real git and patch.
 */

type Op = { kind: "same" | "del" | "add"; line: string };

/** Lines with their terminators, so a missing final newline is seen and kept. */
function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.split(/(?<=\n)/);
}

/** Bound on edit distance: far above any patch of a template, far below what would stall the process. */
const MAX_D = 20_000;

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) x = v[offset + k + 1] as number;
      else x = (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) {
      trace.push(v.slice());
      break;
    }
  }
  if (found < 0) throw new Error("the change is too large to diff");
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frontier = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (frontier[offset + k - 1] as number) < (frontier[offset + k + 1] as number)) ? k + 1 : k - 1;
    const prevX = frontier[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: "same", line: a[--x] as string });
      y--;
    }
    if (x === prevX) ops.push({ kind: "add", line: b[--y] as string });
    else ops.push({ kind: "del", line: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: "same", line: a[--x] as string });
    y--;
  }
  return ops.reverse();
}

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

function hunkLine(op: Op): string {
  const mark = op.kind === "same" ? " " : op.kind === "del" ? "-" : "+";
  return op.line.endsWith("\n") ? `${mark}${op.line}` : `${mark}${op.line}\n\\ No newline at end of file\n`;
}

const CONTEXT = 3;

/** The diff of `path` from `before` to `after`; "" when they are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = myers(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === "same" ? -1 : index)).filter((index) => index >= 0);
  // Group changes whose context would touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const last = hunks.at(-1);
    if (last && index - last[1] <= 2 * CONTEXT) last[1] = index;
    else hunks.push([index, index]);
  }
  let out = `diff --git ${quotePath("a/", path)} ${quotePath("b/", path)}\n--- ${quotePath("a/", path)}\n+++ ${quotePath("b/", path)}\n`;
  // Line numbers before each op.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let nw = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(nw);
    if (op.kind !== "add") o++;
    if (op.kind !== "del") nw++;
  }
  for (const [first, last] of hunks) {
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== "add").length;
    const newCount = slice.filter((op) => op.kind !== "del").length;
    // An empty side is numbered by the line before it (unified diff convention).
    const oldStart = oldCount === 0 ? (oldLine[start] as number) - 1 : (oldLine[start] as number);
    const newStart = newCount === 0 ? (newLine[start] as number) - 1 : (newLine[start] as number);
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    out += slice.map(hunkLine).join("");
  }
  return out;
}
