import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseTemplateDocument, parseTemplateDocumentWithYaml, type ValuePath } from "@/lib/templates/document";
import { largeSamTemplate } from "@/lib/templates/testing/large-templates";
import { parseYamlFast } from "./yaml-fast-parser";

const BUDGET = 250_000;

/** A value written out with its types, key order and own `__proto__` keys, so "equal" means the same in every way. */
function canonical(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (typeof value === "number") return `Number(${Object.is(value, -0) ? "-0" : String(value)})`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return `Boolean(${value})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    if (Object.getPrototypeOf(value) !== Object.prototype) return `unexpected prototype`;
    const keys = Object.getOwnPropertyNames(value);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return `${typeof value}(${String(value)})`;
}

/** Every path of a value (bounded), each also with a segment that does not exist. */
function pathsOf(value: unknown, limit = 20_000): ValuePath[] {
  const out: ValuePath[] = [];
  const visit = (v: unknown, path: Array<string | number>) => {
    if (out.length >= limit) return;
    out.push(path, [...path, "missing-segment"], [...path, 0]);
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]));
    else if (v && typeof v === "object")
      for (const key of Object.getOwnPropertyNames(v)) visit((v as Record<string, unknown>)[key], [...path, key]);
  };
  visit(value, []);
  return out;
}

/**
 * The fast path either declines or gives exactly what the `yaml` package gives: the same value (types, key order),
 * the same position for every path, the same error. Returns whether the fast path read it.
 */
function agrees(file: string, text: string): boolean {
  const accepted = parseYamlFast(text, BUDGET) !== undefined;
  const fast = parseTemplateDocument(file, text);
  const reference = parseTemplateDocumentWithYaml(file, text);
  if (!accepted) return false;
  expect(fast.ok ? "" : fast.error.message, `${file}: one path refuses it`).toBe(reference.ok ? "" : reference.error.message);
  if (fast.ok && reference.ok) {
    expect(canonical(fast.document.value), `${file}: value`).toBe(canonical(reference.document.value));
    for (const path of pathsOf(reference.document.value))
      expect(fast.document.positionOf(path), `${file}: position of ${JSON.stringify(path)}`).toEqual(reference.document.positionOf(path));
  }
  return true;
}

function corpusFiles(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json|template)$/i.test(name)) out.push({ file: path, text: readFileSync(path, "utf8") });
    }
  };
  for (const root of ["corpus", "corpus-more"]) walk(join(process.cwd(), "..", "shared", root));
  return out;
}

describe("YAML fast path", () => {
  it("reads every YAML and JSON file of the corpus exactly as the yaml package does, and accepts nearly all", () => {
    const files = corpusFiles();
    const declined = files.filter(({ file, text }) => !agrees(file, text));
    expect(files.length).toBeGreaterThan(40);
    // The corpus uses no anchors or other declined syntax: only the files the yaml package refuses (an under-indented
    // quoted scalar, an under-indented flow mapping) go to the reference path, for its error message.
    const readable = declined.filter(({ file, text }) => parseTemplateDocumentWithYaml(file, text).ok).map(({ file }) => file);
    expect(readable).toEqual([]);
    expect(declined.length).toBeLessThanOrEqual(2);
  });

  it("reads the generated 1,000-resource SAM template (the benchmark's) exactly as the yaml package does", () => {
    expect(agrees("large/template.yaml", largeSamTemplate(1000))).toBe(true);
  });

  it.each([
    // Scalar typing of YAML 1.1, as the yaml package does it.
    ["a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: true\nh: ~\ni: null\nj: Null\nk: NULL\nl:\n", true],
    ["a: 010\nb: 0o10\nc: 1_000\nd: 0x_1F\ne: 0b101\nf: 1:20\ng: 1:20.5\nh: .5\ni: 1e3\nj: e5\nk: .\nl: -.inf\nm: .NaN\nn: +12\n", true],
    ["a: 2010-09-09\nb: 2001-12-14t21:59:43.10-05:00\nc: 2001-12-14 21:59:43.10\nd: 2002-12-14\ne: '2010-09-09'\n", true],
    ["yes: 1\n0x10: 2\n2001-01-01: 3\n~: 4\n1.50: 5\n'quoted': 6\n\"dq\": 7\n", true],
    ["a: !Ref 123\nb: !Ref yes\nc: !Sub '${A}'\nd: !GetAtt A.B.C\ne: !Unknown 5\nf: !Ref\n", true],
    // Quoting and escapes.
    [
      'a: \'it\'\'s\'\nb: "\\t\\n\\\\\\"\\/\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\0\\a\\e\\ "\nc: "\\ud83d\\ude00"\nd: \'#not\'\ne: "#not"\n',
      true,
    ],
    ['a: "x\\q"\n', false],
    ['a: "\\U00110000"\n', false],
    // Multi-line scalars.
    ["a: one\n  two\n\n  three\n   four\nb: 'x\n  y\n\n  z'\nc: \"p  \n  q\\\n  r\"\n", true],
    ["a: |\n  l1\n   l2\n\n  l3\n\n\nb: |-\n  x\n\nc: |+\n  y\n\n\nd: >\n  f1\n  f2\n\n  f3\ne: >-\n  g\nf: |\ng: x\n", true],
    ["- |\n  in a sequence\n- >+\n  kept\n\n- last\n", true],
    ["a: |2\n   x\n", false],
    ["a: >\n  x\n    more indented\n  y\n\n   z\n\n  w\nb: >-\n  back\n", true],
    ["a: |\n  x\n# comment\nb: |\n  # not a comment\n  y\n", true],
    // Comments and blank lines in odd places.
    [
      "# head\n\n---\n# after the marker\nA: 1 # trailing\n\n# between\nB:   # empty with a comment\n  # inside\n  - x # item\n  -   # empty item\n  - [a, # in flow\n     b]\n",
      true,
    ],
    ["a: b#c\nd: 'e'#f\n", false],
    ["a: b #c\n  d\n", false],
    // Flow collections, JSON style.
    ['{"a":1,"b":[true,false,null,"x",-1.5e3],"c":{}}', true],
    ["a: { b: c, 'd': \"e\", f: [g, h, ], i: { j: k } }\nl: [ ]\nm: {a : 1}\nn: [http://x.y/z, a:b]\n", true],
    ["a: [a: 1]\n", false],
    // An empty tagged node before a line break in a flow collection: the `yaml` package places it at the next content.
    ["a: [[\n  [\n  !Ref \n ]\n ]]\n", false],
    ["a: { b }\n", false],
    ["a: [x\n  y]\n", false],
    // Sequences in all their block forms.
    ["- a\n- - b\n  - c\n- d: 1\n  e: 2\n-\n  f: 3\n- \n- !Ref x\n-\n", true],
    ["a:\n- 1\n- 2\nb:\n  - 3\n", true],
    // Hostile keys.
    ["__proto__: { polluted: true }\nconstructor: 1\nhasOwnProperty: 2\ntoString: x\n", true],
    ["a/b~c: 1\n'0': zero\n\"\": empty\n", true],
    // Declined: the reference path reads these (or refuses them) itself.
    ["base: &b { x: 1 }\ncopy: *b\n", false],
    ["a:\n  <<: { b: 1 }\n", false],
    ["? complex\n: key\n", false],
    ["[a, b]: c\n", false],
    ["%YAML 1.1\n---\na: 1\n", false],
    ["a: 1\n---\nb: 2\n", false],
    ["a: 1\n...\n", false],
    ["a:\tb\n", false],
    ["a: b\r\nc: d\r\n", false],
    ["\uFEFFa: 1\n", false],
    ["a: 1\na: 2\n", false],
    ["!Ref a: b\n", false],
    ["a: !!str 1\n", false],
    ["just a scalar\n", false],
    ["", false],
    ["a: b: c\n", false],
    ["a:\n  b: 1\n c: 2\n", false],
    ["a: 'unterminated\n", false],
    ["a: [1, 2\n", false],
    [`a: ${"[".repeat(120)}${"]".repeat(120)}\n`, false],
    [`${Array.from({ length: 110 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1\n`, false],
    [`${"k".repeat(1025)}: 1\n`, false],
    [`${"k".repeat(1024)}: 1\n`, true],
  ])("%j: read by the fast path: %s", (text, expected) => {
    expect(agrees("t.yaml", text)).toBe(expected);
  });

  it("types plain scalars as the yaml package does whatever their first character (the typed-start shortcut is safe)", () => {
    const suffixes = ["", "1", "0", "e5", "E5", ".5", "rue", "RUE", "ull", "es", "o", "n", "ff", "x1F", ":30", "nf", "-01-01", "_1"];
    let compared = 0;
    for (let code = 33; code < 127; code++) {
      const first = String.fromCharCode(code);
      for (const suffix of suffixes) {
        const text = `k: ${first}${suffix}\n`;
        if (agrees("typed.yaml", text)) compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("declines a document with more nodes than the budget", () => {
    const text = `a: [${Array.from({ length: 300 }, (_, i) => i).join(", ")}]\n`;
    expect(parseYamlFast(text, 1000)).toBeDefined();
    expect(parseYamlFast(text, 100)).toBeUndefined();
  });

  it("agrees with the yaml package on generated documents (or declines them)", () => {
    const word = fc.constantFrom(
      "a",
      "Ref",
      "x y",
      "yes",
      "No",
      "on",
      "~",
      "null",
      "0",
      "010",
      "0x1F",
      "1_000",
      "1:30",
      "1.5",
      ".5",
      "-1",
      "+2",
      "e3",
      "2010-09-09",
      "2001-12-14 21:59:43.10",
      "http://a/b",
      "a:b",
      "a #b",
      "a#b",
      "é😀",
      "-x",
      "?x",
      ":x",
      "__proto__",
      "${Stage}",
      "'q'",
      '"d"',
      "[x]",
      "{y}",
      "a, b",
      "  pad  ",
      "",
    );
    const quoted = (s: string, style: number): string =>
      style === 0 ? s : style === 1 ? `'${s.replaceAll("'", "''")}'` : JSON.stringify(s);
    const scalar = fc.tuple(word, fc.integer({ min: 0, max: 2 })).map(([s, style]) => quoted(s, style));
    const key = fc.tuple(word, fc.integer({ min: 0, max: 2 })).map(([s, style]) => quoted(s, style));
    const tag = fc.constantFrom("", "", "", "!Ref ", "!Sub ", "!GetAtt ", "!If ", "!Foo ");
    const comment = fc.constantFrom("", "", "", " # c", "  #c:d", " #");
    const blankLines = fc.constantFrom("", "", "\n", "\n  \n", "# c\n", "  # indented comment\n");
    type Tree =
      | { kind: "scalar"; text: string }
      | { kind: "map"; entries: Array<[string, Tree]> }
      | { kind: "seq"; items: Tree[] }
      | { kind: "block"; header: string; lines: string[] }
      | { kind: "flow"; text: string };
    const { tree } = fc.letrec<{ tree: Tree; flow: string }>((tie) => ({
      flow: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        fc.tuple(tag, scalar).map(([t, s]) => `${t}${s}`),
        fc.array(tie("flow"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
        fc.array(fc.tuple(key, tie("flow")), { maxLength: 3 }).map((entries) => `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`),
        fc.array(tie("flow"), { maxLength: 3 }).map((items) => `[\n  ${items.join(",\n  ")}\n ]`),
      ),
      tree: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.tuple(tag, scalar).map(([t, s]): Tree => ({ kind: "scalar", text: `${t}${s}` })),
        tie("flow").map((text): Tree => ({ kind: "flow", text })),
        fc
          .tuple(
            fc.constantFrom("|", ">", "|-", ">-", "|+", ">+"),
            fc.array(fc.constantFrom("l1", " l2", "", "#x", "a: b", "  "), { minLength: 1, maxLength: 4 }),
          )
          .map(([header, lines]): Tree => ({ kind: "block", header, lines })),
        fc.array(fc.tuple(key, tie("tree")), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ kind: "map", entries })),
        fc.array(tie("tree"), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: "seq", items })),
      ),
    }));
    const render = (node: Tree, indent: number, step: number, extras: { comment: string; blank: string }): string => {
      const pad = " ".repeat(indent);
      switch (node.kind) {
        case "scalar":
        case "flow":
          return ` ${node.text}${extras.comment}\n`;
        case "block":
          return ` ${node.header}\n${node.lines.map((line) => (line === "" ? "\n" : `${pad}${" ".repeat(step)}${line}\n`)).join("")}`;
        case "map":
          return `\n${node.entries.map(([k, v]) => `${extras.blank}${pad}${k}:${render(v, indent + step, step, extras)}`).join("")}`;
        case "seq":
          return `\n${node.items.map((v) => `${pad}-${render(v, indent + step, step, extras)}`).join("")}`;
      }
    };
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        comment,
        blankLines,
        (entries, step, c, blank) => {
          const text = entries.map(([k, v]) => `${k}:${render(v, step, step, { comment: c, blank })}`).join("");
          if (agrees("gen.yaml", text)) accepted++;
        },
      ),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it("agrees with the yaml package on mutated templates (or declines them)", () => {
    const seeds = [
      "A:\n  B: !Sub 'x${y}'\n  C: [a, 'b', \"c\"]\n  D:\n    - e: 1\n      f: |\n        g\n    - !Ref h\n",
      '{"a": {"b": [1, "two", null]}, "c": "d"}\n',
      "a: >-\n  folded\n  text\n\nb: plain\n  continued\nc: 'single\n  quoted'\n",
    ];
    const alphabet = fc.constantFrom(
      " ",
      "\n",
      ":",
      "-",
      "#",
      "'",
      '"',
      "[",
      "]",
      "{",
      "}",
      ",",
      "!",
      "|",
      ">",
      "\\",
      "a",
      "1",
      "  ",
      "? ",
      "&a",
      "*a",
    );
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), alphabet), { minLength: 1, maxLength: 3 }),
        (seed, edits) => {
          let text = seed;
          for (const [at, removed, inserted] of edits) {
            const index = at % (text.length + 1);
            text = text.slice(0, index) + inserted + text.slice(index + removed);
          }
          if (agrees("mutated.yaml", text)) accepted++;
        },
      ),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
