import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import { parseHclFast } from "./hcl-fast-parser";
import { loadHclParser, type HclParser } from "./hcl-parser";
import { ReadNames } from "./read-names";
import { corpusConfigurations } from "./testing/corpus";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

/** The fast path either declines or gives exactly the syntax (values, positions, texts) tree-sitter gives. */
function agrees(file: string, text: string): boolean {
  const fast = parseHclFast(file, text);
  if (fast === undefined) return false;
  const reference = parser.parseWithTreeSitter(file, text);
  expect(reference.ok ? "" : reference.error.message, `${file} is refused by tree-sitter but read by the fast path`).toBe("");
  if (reference.ok) expect(fast, file).toEqual(reference.body);
  return true;
}

describe("HCL fast path", () => {
  it("reads every corpus file it accepts exactly as tree-sitter does, and accepts most of them", () => {
    let files = 0;
    let accepted = 0;
    for (const configuration of corpusConfigurations().values()) {
      for (const [path, text] of Object.entries(configuration)) {
        if (!path.endsWith(".tf")) continue;
        files++;
        if (agrees(path, text)) accepted++;
      }
    }
    expect(files).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(files / 3);
  });

  it("reads the generated 1,000-resource configuration (the benchmark's) exactly as tree-sitter does", () => {
    for (const file of largeTerraformConfiguration(1000)) expect(agrees(file.path, file.text), file.path).toBe(true);
  });

  it.each([
    ['a = " x  "\nb = "  ${c} d "\ne = ""\nf = "   "\n', true],
    ['a = "xéé😀y" b = 1\nc = { "aüb" = "😀 ${x.y} ü" }\n', true],
    ['a = "é"\n', false],
    ['a = "$$${x}"\nb = "$$x %%{ 100%"\nc = "\\u00e9\\U0001F600\\t\\"\\\\"\n', true],
    ['a = [1, 2.5, 3.0e-2, 0x1F, 007,]\nb = {}\nc = []\nd = { k = 1, "q" : 2 m = true n = null }\n', true],
    ['a = f(x, [1]...)\nb = g()\nc = h(1,)\nd = f\n(2)\ne = x.y[0]["k"].z\nf = (a.b)\n', true],
    ['a = (a).b\nb = f(x)[0]\nc = "s".x\nd = [1][0]\ne = { (k) = 1, k.x = 2, "${k}" = 3 }\n', true],
    ['# c\n// d\n/* e\n f */ resource "a" "b" /* g */ {\n  x = 1 # h\n  nested { y = 2 }\n  nested {}\n}\nlocals { a-b = c-d }\n', true],
    ['a = " \\u00e9 "\nb = "x\ty"\n', true],
    // Declined: the reference path reads these (or refuses them) itself.
    ["a = 1 + 2\n", false],
    ["a = -1\n", false],
    ["a = b ? c : d\n", false],
    ["a = [for x in y : x]\n", false],
    ["a = <<EOT\nx\nEOT\n", false],
    ['a = "%{ if x }y%{ endif }"\n', false],
    ['a = "${~ x ~}"\n', false],
    ["a = x.*.y\n", false],
    ["a = x[*].y\n", false],
    ["a = x.0\n", false],
    ["a = 1\na = 2\n", false],
    ['a = "unterminated\n', false],
    ["a = \u00a0 1\n", false],
    ["{ a = 1 }\n", false],
    ["a = 1e5\n", false],
    ['a = "\\q"\n', false],
    ["a = provider::x::f(1)\n", false],
    [`x = ${"[".repeat(40)}${"]".repeat(40)}\n`, false],
    // Texts kept as written (one line of printable ASCII) and texts shortened (blanks, long ones).
    ['a = "x  y"\nb = "x\ty"\nc = "x é y"\nd = x .y\ne = x\n.y\nf = "x y"\n', true],
    [`a = "${"y".repeat(200)}"\nb = ${"a".repeat(130)}.b\nc = ${"1".repeat(130)}\n`, true],
    // Redefinitions are found by a scan in small bodies and by a set of names in large ones.
    [`${Array.from({ length: 20 }, (_, i) => `a${i} = ${i}\n`).join("")}`, true],
    [`${Array.from({ length: 20 }, (_, i) => `a${i} = ${i}\n`).join("")}a3 = 0\n`, false],
    [`${Array.from({ length: 20 }, (_, i) => `a${i} = ${i}\n`).join("")}a19 = 0\n`, false],
    ["a = 1\nb = 2\nb = 3\n", false],
  ])("%j: read by the fast path: %s", (text, expected) => {
    expect(agrees("t.tf", text)).toBe(expected);
  });

  it("reads a text cut anywhere (a name, a string, a comment cut by the end) as tree-sitter does, or declines it", () => {
    const text =
      'resource "aws_api_gateway_method" "get" { # a comment\n  http_method = "GET" // and another\n  ids = [a.b.id, "x${y}z"] }\n';
    for (let end = 0; end <= text.length; end++) {
      // A longer text read first leaves its characters in the buffer past the end of the cut one (char-codes.ts).
      parseHclFast("long.tf", text.repeat(3));
      agrees("cut.tf", text.slice(0, end));
    }
    expect(parseHclFast("cut.tf", 'a = "GE')).toBeUndefined();
    expect(parseHclFast("cut.tf", "a = b\n# c")).toBeDefined();
  });

  it("reads the files of one read with their names shared (read-names.ts) exactly as each alone", () => {
    const names = new ReadNames(["aws_api_gateway_method", "for"]);
    const files = [...largeTerraformConfiguration(200), { path: "x.tf", text: 'a = "aws_api_gateway_method"\nb = x.for_each\n' }];
    for (const file of files) expect(parseHclFast(file.path, file.text, names), file.path).toEqual(parseHclFast(file.path, file.text));
    // A name first met in another file is still checked here: `for` is reserved whatever the table holds.
    expect(parseHclFast("r.tf", "a = for\n", names)).toBeUndefined();
  });

  it("reads names that are new when the name table grows (steps, keywords) as tree-sitter does", () => {
    // The table doubles at 513 names; the name read then must keep its own step and kind.
    for (const prefix of ["s", "t", "step_", "q9", "Z", "x_"])
      for (const lines of [255, 256, 257, 300]) {
        const text = Array.from({ length: lines }, (_, i) => `a${i} = x.${prefix}${i}\nb${i} = true\n`).join("");
        expect(agrees("grow.tf", text), `${prefix} ${lines}`).toBe(true);
      }
  });

  it("declines a NUL anywhere (the end of the text reads as 0 too)", () => {
    for (const text of ["a = 1\u0000", "\u0000", 'a = "x"\n\u0000\n', 'r "a" "b" {\u0000}', "a = [1,\u0000 2]", "a = x.\u0000"])
      expect(parseHclFast("n.tf", text), JSON.stringify(text)).toBeUndefined();
    expect(parseHclFast("n.tf", "")).toEqual({ attributes: [], blocks: [] });
  });

  it("agrees with tree-sitter on generated configurations (or declines them)", () => {
    const ident = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/);
    const blank = fc.constantFrom(" ", "", "  ", "\n", "\t", " # c\n", " /* c */ ", "\r\n");
    const chars = fc.constantFrom("a", " ", "\\n", '\\"', "$", "$$", "${", "%", "%%{", "é", "😀", "\\u00e9", "\t", "{", "}", ":", "=");
    const { expr } = fc.letrec<{ expr: string; term: string }>((tie) => ({
      term: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        ident,
        fc.constantFrom("true", "false", "null", "0", "12", "1.5", "2.0e3", "0x1f", "-1", "1 + 2", "a ? b : c"),
        fc.array(chars, { maxLength: 6 }).map((parts) => `"${parts.join("")}"`),
        fc
          .tuple(fc.array(chars, { maxLength: 3 }), tie("expr"))
          .map(([parts, inner]) => `"${parts.join("")}\${${inner}}${parts.join("")}"`),
        fc
          .tuple(
            ident,
            fc.array(
              fc.oneof(
                ident.map((i) => `.${i}`),
                tie("expr").map((e) => `[${e}]`),
              ),
              { maxLength: 3 },
            ),
          )
          .map(([root, steps]) => root + steps.join("")),
        fc
          .tuple(ident, fc.array(tie("expr"), { maxLength: 3 }), fc.boolean())
          .map(([name, args, spread]) => `${name}(${args.join(", ")}${spread && args.length > 0 ? "..." : ""})`),
        fc.array(tie("expr"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
        fc
          .array(fc.tuple(fc.oneof(ident, tie("expr")), fc.constantFrom(" = ", ": ", "="), tie("expr"), fc.constantFrom(",", "\n", " ")), {
            maxLength: 3,
          })
          .map((items) => `{ ${items.map(([k, s, v, sep]) => `${k}${s}${v}${sep}`).join("")} }`),
        tie("expr").map((e) => `(${e})`),
        fc.tuple(blank, tie("expr")).map(([b, e]) => `(${b}${e})`),
        fc.tuple(ident, blank, ident).map(([a, b, c]) => `${a}${b}.${c}`),
        tie("expr").map((e) => `(${e}).x`),
      ),
      expr: fc.tuple(tie("term"), blank).map(([t, b]) => `${t}${b}`),
    }));
    const attribute = fc.tuple(ident, blank, expr).map(([name, b, value]) => `${name}${b}= ${value}\n`);
    const block = fc
      .tuple(
        ident,
        fc.array(
          fc.oneof(
            ident,
            ident.map((l) => `"${l}"`),
          ),
          { maxLength: 2 },
        ),
        fc.array(attribute, { maxLength: 3 }),
      )
      .map(([type, labels, attributes]) => `${type} ${labels.join(" ")} {\n${attributes.join("")}}\n`);
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(attribute, block), { maxLength: 4 }), (items) => {
        if (agrees("gen.tf", items.join(""))) accepted++;
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  });
});
