import { describe, expect, it } from "vitest";
import { parseTemplateDocument } from "@/lib/templates/document";

function parse(text: string, file = "template.yaml") {
  const result = parseTemplateDocument(file, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe("parseTemplateDocument: CloudFormation short-form tags", () => {
  it("turns every short form into the long form CloudFormation reads", () => {
    const doc = parse(
      [
        "A: !Ref MyApi",
        "B: !GetAtt MyApi.RootResourceId",
        "C: !GetAtt [Fn, Arn]",
        "D: !Sub 'arn:${AWS::Partition}:x'",
        "E: !Join ['', [a, !Ref B]]",
        "F: !If [IsProd, 1, 2]",
        "G: !Equals [!Ref Env, prod]",
        "H: !Condition IsProd",
        "I: !Select [0, !Split [',', 'a,b']]",
        "J: !FindInMap [M, K, V]",
        "K: !Not [!Condition IsProd]",
        "L: !ImportValue Shared",
        "M: !GetAtt Fn.Outputs.Nested",
        "Z: !Custom value",
      ].join("\n"),
    );
    expect(doc.value).toEqual({
      A: { Ref: "MyApi" },
      B: { "Fn::GetAtt": ["MyApi", "RootResourceId"] },
      C: { "Fn::GetAtt": ["Fn", "Arn"] },
      D: { "Fn::Sub": "arn:${AWS::Partition}:x" },
      E: { "Fn::Join": ["", ["a", { Ref: "B" }]] },
      F: { "Fn::If": ["IsProd", 1, 2] },
      G: { "Fn::Equals": [{ Ref: "Env" }, "prod"] },
      H: { Condition: "IsProd" },
      I: { "Fn::Select": [0, { "Fn::Split": [",", "a,b"] }] },
      J: { "Fn::FindInMap": ["M", "K", "V"] },
      K: { "Fn::Not": [{ Condition: "IsProd" }] },
      L: { "Fn::ImportValue": "Shared" },
      // Only the first dot separates the resource from the attribute.
      M: { "Fn::GetAtt": ["Fn", "Outputs.Nested"] },
      // Unknown tags leave the value as written.
      Z: "value",
    });
  });
});

describe("parseTemplateDocument: positions", () => {
  const text = [
    "Resources:",
    "  Api:",
    "    Type: AWS::ApiGateway::RestApi",
    "    Properties:",
    "      Name: demo",
    "      Tags: [a, b]",
  ].join("\n");

  it("gives the 1-based line and column of keys, values and list items", () => {
    const doc = parse(text);
    expect(doc.positionOf(["Resources", "Api"])).toEqual({ file: "template.yaml", line: 2, column: 3 });
    expect(doc.positionOf(["Resources", "Api", "Properties", "Name"])).toEqual({ file: "template.yaml", line: 5, column: 7 });
    expect(doc.positionOf(["Resources", "Api", "Properties", "Tags", 1])).toEqual({ file: "template.yaml", line: 6, column: 17 });
  });

  it("falls back to the nearest existing ancestor for a missing path", () => {
    const doc = parse(text);
    expect(doc.positionOf(["Resources", "Api", "Properties", "Missing", "Deeper"])).toEqual({ file: "template.yaml", line: 4, column: 5 });
    expect(doc.positionOf(["Nothing"])).toEqual({ file: "template.yaml", line: 1, column: 1 });
  });

  it("keeps positions for JSON too", () => {
    const doc = parse('{\n  "Resources": {\n    "Api": { "Type": "AWS::ApiGateway::RestApi" }\n  }\n}', "t.json");
    expect(doc.positionOf(["Resources", "Api", "Type"])).toEqual({ file: "t.json", line: 3, column: 14 });
  });
});

describe("parseTemplateDocument: bad input", () => {
  // Without the node budget the expansion is 10^12 nodes: a hang, caught by the test timeout; speed is the benchmarks' job.
  it("refuses an alias bomb by its expanded size", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const result = parseTemplateDocument("bomb.yaml", lines.join("\n"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^bomb\.yaml: more than .* nodes after expanding YAML aliases/);
  });

  it("names file, line and column of malformed YAML in one line", () => {
    const result = parseTemplateDocument("bad.yaml", "Resources:\n  Api:\n    Type: [unclosed\n  Other: 1\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(result.error.message).not.toContain("\n");
    expect(result.error.position?.file).toBe("bad.yaml");
  });

  it("names file, line and column of malformed JSON", () => {
    const result = parseTemplateDocument("bad.json", '{\n  "Resources": {\n    "Api": { "Type": }\n  }\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^bad\.json:3:\d+: /);
    expect(result.error.position?.line).toBe(3);
  });

  it("refuses duplicate keys with their position", () => {
    const result = parseTemplateDocument("dup.yaml", "Resources:\n  A: 1\n  A: 2\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^dup\.yaml:3:3: /);
  });

  it("refuses structures nested too deeply before the parser recurses into them (flow, block, JSON)", () => {
    const cases: Array<[string, string, number]> = [
      ["deep.json", "[".repeat(20_000) + "]".repeat(20_000), 1],
      ["deep.yaml", `a: ${"[".repeat(20_000)}${"]".repeat(20_000)}`, 1],
      ["block.yaml", Array.from({ length: 5_000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"), 129],
      ["dashes.yaml", `x:\n${"- ".repeat(5_000)}leaf`, 2],
    ];
    for (const [file, text, line] of cases) {
      const result = parseTemplateDocument(file, text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toContain(`${file}:${line}:`);
        expect(result.error.message).toMatch(/: nested more than 128 levels deep; not read$/);
      }
    }
  });

  it("accepts ordinary nesting", () => {
    const nested = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " leaf";
    expect(parseTemplateDocument("ok.yaml", nested).ok).toBe(true);
    expect(parseTemplateDocument("ok.json", `${"[".repeat(100)}1${"]".repeat(100)}`).ok).toBe(true);
  });

  it("refuses a binary file", () => {
    const result = parseTemplateDocument("logo.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");
    expect(result).toEqual({ ok: false, error: { message: "logo.png: a binary file, not a YAML or JSON template" } });
  });

  it("keeps __proto__ as an own key without touching prototypes", () => {
    const doc = parse('{"__proto__": {"polluted": true}, "Resources": {"__proto__": {"Type": "AWS::ApiGateway::RestApi"}}}', "p.json");
    const value = doc.value as Record<string, Record<string, unknown>>;
    expect(Object.keys(value)).toEqual(["__proto__", "Resources"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value.Resources ?? {})).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
