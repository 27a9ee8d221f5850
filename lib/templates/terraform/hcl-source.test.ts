import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser } from "web-tree-sitter";
import { largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import { FixedSource, MovedSource, shorten, TextSource } from "./hcl-source";
import { corpusConfigurations } from "./testing/corpus";

let treeSitter: Parser;
beforeAll(async () => {
  // As hcl-parser.ts loads it; the raw tree is needed here, which the reader never hands out.
  const require = createRequire(import.meta.url);
  await Parser.init({ wasmBinary: readFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm")) as unknown as ArrayBuffer });
  const language = await Language.load(
    new Uint8Array(readFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"))),
  );
  treeSitter = new Parser();
  treeSitter.setLanguage(language);
});

/** Every node's start as tree-sitter reports it (row and column, 0-based) against the line table's (1-based). */
function disagreements(file: string, text: string): string[] {
  const source = new TextSource(file, text);
  const tree = treeSitter.parse(text);
  if (!tree) throw new Error(`${file} did not parse`);
  const out: string[] = [];
  const cursor = tree.walk();
  let nodes = 0;
  try {
    for (;;) {
      nodes++;
      const theirs = cursor.startPosition;
      const ours = source.positionAt(cursor.startIndex);
      if (ours.line !== theirs.row + 1 || ours.column !== theirs.column + 1)
        out.push(
          `${file} @${cursor.startIndex}: tree-sitter ${theirs.row + 1}:${theirs.column + 1}, line table ${ours.line}:${ours.column}`,
        );
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return nodes > 1 ? out : [`${file}: no nodes`];
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
}

describe("positions read from offsets", () => {
  it("are tree-sitter's own rows and columns at every node of the corpus and the generated configuration", () => {
    let files = 0;
    for (const configuration of corpusConfigurations().values()) {
      for (const [path, text] of Object.entries(configuration)) {
        if (!path.endsWith(".tf")) continue;
        files++;
        expect(disagreements(path, text)).toEqual([]);
      }
    }
    expect(files).toBeGreaterThan(20);
    const [main] = largeTerraformConfiguration(20);
    expect(disagreements(main!.path, main!.text)).toEqual([]);
  });

  it("count UTF-16 code units after non-ASCII text, tabs and carriage returns as tree-sitter does", () => {
    const text = [
      'locals {\r\n  a = "é ü 中文" # ∑\r\n\tb = "😀😀" /* ☃\r\n */ c = 1\r\n}\r\n',
      'resource "x" "y" {\n  name = "naïve" d = "x"\n  e = <<EOT\n  💡 ${var.z}\nEOT\n}',
    ];
    for (const [i, t] of text.entries()) expect(disagreements(`t${i}.tf`, t)).toEqual([]);
    const source = new TextSource("p.tf", 'a = "😀"\n\n b = 1');
    expect(source.positionAt(0)).toEqual({ file: "p.tf", line: 1, column: 1 });
    expect(source.positionAt(8)).toEqual({ file: "p.tf", line: 1, column: 9 });
    expect(source.positionAt(9)).toEqual({ file: "p.tf", line: 2, column: 1 });
    expect(source.positionAt(11)).toEqual({ file: "p.tf", line: 3, column: 2 });
  });
});

describe("message texts read from offsets", () => {
  it("are the source between the offsets, one line, at most 120 characters, from at most 480 read", () => {
    const long = `x = [${"aaaa, ".repeat(200)}]`;
    const source = new TextSource("t.tf", `v = {\n  a   = 1\n}\n${long}`);
    expect(source.textOf(4, 17)).toBe("{ a = 1 }");
    expect(source.textOf(0, 1)).toBe("v");
    const text = source.textOf(18, 18 + long.length);
    expect(text).toBe(shorten(long));
    expect(text).toHaveLength(120);
    expect(text.endsWith("…")).toBe(true);
  });

  it("are given, or the inner node's own, for Terraform JSON", () => {
    const position = { file: "m.tf.json", line: 3, column: 7 };
    expect(new FixedSource(position, '"x"').positionAt()).toBe(position);
    expect(new FixedSource(position, '"x"').textOf()).toBe('"x"');
    const moved = new MovedSource(new TextSource("m.tf.json", 'v = "${var.a}"'), position);
    expect(moved.positionAt()).toBe(position);
    expect(moved.textOf(7, 12)).toBe("var.a");
    expect(moved.file).toBe("m.tf.json");
  });
});
