import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { parseTemplateDocument, type ValuePath } from "@/lib/templates/document";
import type { SourcePosition } from "@/lib/templates/types";

/**
 * The positions as the parser used to record them: a table of every node's position by JSON-pointer-like key, built
 * in the conversion walk (the key's position for a mapping entry, the alias's for an alias, nothing inside what an
 * alias expands to), read back as the nearest recorded ancestor. positionOf now finds them on demand; it must agree.
 */
function tablePositions(file: string, yaml: Document, lineCounter: LineCounter): (path: ValuePath) => SourcePosition {
  const escape = (segment: string | number) => String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
  const child = (parent: string | null, segment: string | number) => (parent === null ? escape(segment) : `${parent}/${escape(segment)}`);
  const positions = new Map<string, number>();
  const expanding: unknown[] = [];
  const walk = (node: unknown, ptr: string | null): void => {
    const key = ptr ?? "";
    if (isAlias(node)) {
      const target = node.resolve(yaml);
      if (!target || expanding.includes(target)) return;
      if (node.range && expanding.length === 0) positions.set(key, node.range[0]);
      expanding.push(target);
      walk(target, ptr);
      expanding.pop();
      return;
    }
    const n = node as { range?: [number, number, number] } | null;
    if (n?.range && expanding.length === 0 && !positions.has(key)) positions.set(key, n.range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const c = child(ptr, name);
        if (isScalar(pair.key) && pair.key.range && expanding.length === 0) positions.set(c, pair.key.range[0]);
        walk(pair.value, c);
      }
    } else if (isSeq(node)) node.items.forEach((item, index) => walk(item, child(ptr, index)));
  };
  walk(yaml.contents, null);
  return (path) => {
    for (let length = path.length; length >= 0; length--) {
      const offset = positions.get(path.slice(0, length).map(escape).join("/"));
      if (offset !== undefined) {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
      }
    }
    return { file, line: 1, column: 1 };
  };
}

/** Every path of a converted value (bounded), each also with a segment that does not exist. */
function pathsOf(value: unknown, limit = 5000): ValuePath[] {
  const out: ValuePath[] = [];
  const visit = (v: unknown, path: Array<string | number>) => {
    if (out.length >= limit) return;
    out.push(path, [...path, "missing-segment"]);
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]));
    else if (v && typeof v === "object") for (const [k, item] of Object.entries(v)) visit(item, [...path, k]);
  };
  visit(value, []);
  return out;
}

function templates(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const root of ["corpus", "corpus-more"]) {
    for (const kind of ["sam", "cloudformation", "openapi", "cdk"]) {
      const dir = join(process.cwd(), "..", "shared", root, kind);
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) if (/\.(ya?ml|json)$/i.test(name)) out.push({ file: name, text: readFileSync(join(dir, name), "utf8") });
    }
  }
  return out;
}

describe("positionOf, found on demand", () => {
  it("agrees with a table of every node's position on the corpus and on aliases, tags and odd keys", () => {
    const inputs = [
      ...templates(),
      {
        file: "anchors.yaml",
        text: [
          "base: &b { x: 1, y: [a, b] }",
          "copy: *b",
          "list:",
          "  - *b",
          "  - !Ref Thing",
          "  - !Sub [ 'x${y}', { y: !GetAtt A.B } ]",
          '"a/b~c": 1',
          "? [complex, key]",
          ": value",
          "'0': zero",
          "empty:",
          "__proto__: { polluted: true }",
        ].join("\n"),
      },
    ];
    let compared = 0;
    for (const { file, text } of inputs) {
      const parsed = parseTemplateDocument(file, text);
      if (!parsed.ok) continue;
      const { document } = parsed;
      const lineCounter = new LineCounter();
      const yaml = parseDocument(text, { lineCounter, version: "1.1", uniqueKeys: false });
      const reference = tablePositions(file, yaml, lineCounter);
      for (const path of pathsOf(document.value)) {
        expect(document.positionOf(path), `${file} ${JSON.stringify(path)}`).toEqual(reference(path));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
