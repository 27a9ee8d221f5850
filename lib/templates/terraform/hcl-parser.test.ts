import { beforeAll, describe, expect, it } from "vitest";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { positionOf, type HclExpr } from "./hcl-ast";
import { loadHclParser, type HclParser } from "./hcl-parser";
import { corpusConfigurations } from "./testing/corpus";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

function body(text: string) {
  const result = parser.parse("main.tf", text);
  if (!result.ok) throw new Error(result.error.message);
  return result.body;
}

function literalOf(expr: HclExpr): unknown {
  if (expr.kind === "literal") return expr.value;
  if (expr.kind === "template" && expr.parts.every((p) => typeof p === "string")) return expr.parts.join("");
  if (expr.kind === "object") {
    const entries = expr.items.map((i) => [literalOf(i.key), literalOf(i.value)]);
    return entries.every(([k, v]) => k !== undefined && v !== undefined) ? Object.fromEntries(entries) : undefined;
  }
  if (expr.kind === "tuple") {
    const items = expr.items.map(literalOf);
    return items.every((i) => i !== undefined) ? items : undefined;
  }
  return undefined;
}

describe("HCL parser", () => {
  it("keeps the line and column of blocks and attributes", () => {
    const b = body('# comment\nresource "aws_api_gateway_method" "m" {\n  http_method = "GET"\n}\n');
    const block = b.blocks[0];
    expect(block?.type).toBe("resource");
    expect(block?.labels).toEqual(["aws_api_gateway_method", "m"]);
    expect(positionOf(block!)).toEqual({ file: "main.tf", line: 2, column: 1 });
    expect(positionOf(block!.body.attributes[0]!)).toEqual({ file: "main.tf", line: 3, column: 3 });
  });

  it("decodes escapes, $${ and flush heredocs as HCL does", () => {
    const b = body(
      ['a = "{\\"m\\":$c.x} $${s.b} \\u00e9"', "b = <<-EOT", "    one ${var.x}", "      two", "    EOT", 'c = { k = 1, "q" : 2 }'].join(
        "\n",
      ) + "\n",
    );
    expect(literalOf(b.attributes[0]!.expr)).toBe('{"m":$c.x} ${s.b} é');
    const heredoc = b.attributes[1]!.expr;
    expect(heredoc.kind).toBe("template");
    if (heredoc.kind === "template") {
      expect(heredoc.parts[0]).toBe("one ");
      expect(heredoc.parts[2]).toBe("\n  two\n");
    }
    expect(literalOf(b.attributes[2]!.expr)).toEqual({ k: 1, q: 2 });
  });

  it("agrees with HashiCorp's own parser (hcl2json) on every literal argument of the corpus", async () => {
    let compared = 0;
    for (const files of corpusConfigurations().values()) {
      for (const [path, text] of Object.entries(files)) {
        const ours = body(text);
        const theirs = (await hcl2json(path, text)) as { resource?: Record<string, Record<string, Array<Record<string, unknown>>>> };
        for (const block of ours.blocks.filter((b) => b.type === "resource")) {
          const [type, name] = block.labels;
          const reference = theirs.resource?.[type ?? ""]?.[name ?? ""]?.[0];
          expect(reference, `${path} ${type}.${name}`).toBeDefined();
          for (const attribute of block.body.attributes) {
            const value = literalOf(attribute.expr);
            if (value === undefined) continue;
            expect(value, `${path} ${type}.${name}.${attribute.name}`).toEqual(reference?.[attribute.name]);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("reports malformed HCL in one line with file:line:column", () => {
    const result = parser.parse("broken.tf", 'resource "a" "b" {\n  x = \n  y = "z"\n}\nresource "c" {');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^broken\.tf:\d+:\d+: /);
      expect(result.error.message).not.toContain("\n");
      expect(result.error.position?.line).toBeGreaterThanOrEqual(2);
    }
  });

  it("refuses a redefined attribute, as Terraform does", () => {
    const result = parser.parse("dup.tf", 'resource "a" "b" {\n  x = 1\n  x = 2\n}\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('dup.tf:3:3: attribute "x" redefined (first set at line 2)');
  });

  it("refuses binary, huge and hostile files before parsing them whole", () => {
    const refusal = (file: string, text: string) => {
      const result = parser.parse(file, text);
      return result.ok ? "" : result.error.message;
    };
    expect(refusal("x.tf", "\u0000\u0001ELF")).toBe("x.tf: a binary file, not Terraform HCL");
    expect(refusal("huge.tf", `x = [${"1,".repeat(26_000_000)}]`)).toMatch(
      /^huge\.tf: 49\.6 MiB is over the 2 MiB read for one Terraform file$/,
    );
    expect(refusal("deep.tf", `x = ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`)).toMatch(
      /^deep\.tf:1:\d+: expressions nested deeper than 100 levels$/,
    );
    expect(refusal("bad.tf", `resource "a" "b" {\n  x = ${"[".repeat(500)}\n}\n`)).toMatch(/^bad\.tf:\d+:\d+: /);
  });

  it("bounds a file under the size cap that is pathological to parse (a million-element tuple)", () => {
    const result = parser.parse("dense.tf", `x = [${"1,".repeat(1_000_000)}]\n`);
    expect(result.ok ? "" : result.error.message).toMatch(
      /^dense\.tf(: parsing took longer than 4000 ms; not read|:1:\d+: more than 1000000 syntax nodes in one file)$/,
    );
    // The next parse must not resume this one.
    expect(parser.parse("ok.tf", 'a = "b"\n').ok).toBe(true);
  });
});
