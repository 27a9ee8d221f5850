/**
 * Each literal writer, checked by the reader of its language on seeded hostile strings: bash itself, the TypeScript
 * parser, Python's ast.literal_eval, HashiCorp's HCL parser (@cdktf/hcl2json), the yaml package and PyYAML,
 * csv-parse. Tool checks run one batch per tool.
 */
import { parse as parseHcl } from "@cdktf/hcl2json";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import fc from "fast-check";
import ts from "typescript";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { bashWord } from "@/lib/remediation/formats/literals/bash";
import { blockCommentText, commentText } from "@/lib/remediation/formats/literals/comment";
import { csvCell } from "@/lib/remediation/formats/literals/csv";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { hclString } from "@/lib/remediation/formats/literals/hcl";
import { jsString, jsValue, jsonDocument } from "@/lib/remediation/formats/literals/js";
import { markdownText } from "@/lib/remediation/formats/literals/markdown";
import { pythonString } from "@/lib/remediation/formats/literals/python";
import { terminalText } from "@/lib/remediation/formats/literals/terminal";
import { safeYamlTags, yamlDoubleQuoted, yamlScalar } from "@/lib/remediation/formats/literals/yaml";
import { hostileText, INJECTIONS, MARKER, SEED } from "@/lib/remediation/testing/hostile-names";
import { removeScratchDirs, runTool, scratchDir, writeFiles } from "@/lib/remediation/testing/tool-run";

const RUNS = 200;
const values = [...INJECTIONS, ...fc.sample(hostileText, { seed: SEED, numRuns: RUNS })];
const property = { seed: SEED, numRuns: RUNS };

/** The statements and the identifiers of a TypeScript source, as its parser sees them. */
function tsShape(code: string): { statements: number; identifiers: string[]; diagnostics: number } {
  const source = ts.createSourceFile("x.ts", code, ts.ScriptTarget.ES2022, true);
  const identifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) identifiers.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
  return { statements: source.statements.length, identifiers, diagnostics };
}

afterAll(() => removeScratchDirs(MARKER));

describe("bashWord", () => {
  it("bash reads every word back as the value (NUL, which no bash word can hold, dropped)", () => {
    const dir = scratchDir("literals-bash");
    writeFiles(dir, [["words.sh", `printf '%s\\0' ${values.map(bashWord).join(" ")}\n`]]);
    const result = runTool("bash", ["words.sh"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\0").slice(0, -1)).toEqual(values.map((value) => value.replace(/\0/g, "")));
  });

  it("writes no raw control or line-separator character into the script", () => {
    for (const value of values) expect(bashWord(value)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(bashWord("eu-west-1")).toBe("eu-west-1");
    expect(bashWord("it's")).toBe(`'it'\\''s'`);
    expect(bashWord("a\nb")).toBe("$'a\\x0ab'");
  });
});

describe("jsString and jsValue", () => {
  it("the TypeScript parser reads one string literal with the value, and no line terminator is raw", () => {
    for (const value of values) {
      const literal = jsString(value);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
      const source = ts.createSourceFile("x.ts", `const x = ${literal};`, ts.ScriptTarget.ES2022, true);
      const statement = source.statements[0] as ts.VariableStatement;
      expect(source.statements).toHaveLength(1);
      const initializer = statement.declarationList.declarations[0]?.initializer;
      expect(initializer && ts.isStringLiteral(initializer) ? initializer.text : undefined).toBe(value);
    }
  });

  it("jsValue and jsonDocument are JSON and JavaScript for any data", () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }), fc.integer())), (data) => {
        expect(JSON.parse(jsValue(data))).toEqual(data);
        expect(JSON.parse(jsonDocument(data))).toEqual(data);
        expect(jsonDocument(data)).not.toMatch(/[\u2028\u2029\u0085\u007f-\u009f]/);
        expect(tsShape(`const x = ${jsValue(data)};`).diagnostics).toBe(0);
      }),
      property,
    );
  });
});

describe("pythonString", () => {
  it("Python's ast.literal_eval reads every literal back as the value", () => {
    const dir = scratchDir("literals-python");
    const result = runTool(
      "python3",
      ["-c", "import ast, json, sys\nprint(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().split('\\n') if line]))"],
      { cwd: dir, input: values.map(pythonString).join("\n") },
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(values);
  });
});

describe("hclString", () => {
  it("HashiCorp's HCL parser reads every literal back (in Terraform JSON form, in NFC as its parser normalises string literals)", async () => {
    const body = values.map((value, index) => `  v${index} = ${hclString(value)}`).join("\n");
    const parsed = (await parseHcl("values.tf", `locals {\n${body}\n}\n`)) as { locals: Array<Record<string, string>> };
    const locals = parsed.locals[0] ?? {};
    values.forEach((value, index) => {
      const expected = value
        .normalize("NFC")
        .replace(/\$\{/g, () => "$${")
        .replace(/%\{/g, () => "%%{");
      expect(locals[`v${index}`]).toBe(expected);
    });
  });

  it("never leaves an interpolation or directive open", () => {
    expect(hclString("${x}%{y}")).toBe('"$${x}%%{y}"');
    expect(hclString("a\u2028b\u0007")).toBe('"a\\u2028b\\u0007"');
  });
});

describe("YAML", () => {
  it("the yaml package and PyYAML (YAML 1.1, cfn-lint's reader) read the same values", () => {
    const documents = values.map((value) =>
      [
        `quoted: ${yamlDoubleQuoted(value)}`,
        `scalar: ${yamlScalar(value)}`,
        stringifyYaml({ tagged: value, [value]: "key" }, { customTags: safeYamlTags(), lineWidth: 0 }).trimEnd(),
      ].join("\n"),
    );
    const ours = documents.map((document) => parseYaml(document) as unknown);
    values.forEach((value, index) => expect(ours[index]).toEqual({ quoted: value, scalar: value, tagged: value, [value]: "key" }));
    for (const document of documents) expect(document).not.toMatch(/[\u2028\u2029\u0085\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const dir = scratchDir("literals-yaml");
    const result = runTool(
      "python3",
      ["-c", "import json, sys, yaml\nprint(json.dumps([yaml.safe_load(d) for d in json.loads(sys.stdin.read())]))"],
      { cwd: dir, input: JSON.stringify(documents) },
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(ours);
  });
});

describe("commentText", () => {
  it("a // or /** */ comment of hostile text is a comment to the TypeScript parser", () => {
    for (const value of values) {
      expect(tsShape(`// ${commentText(value)}\nconst x = 1;`)).toEqual({ statements: 1, identifiers: ["x"], diagnostics: 0 });
      expect(tsShape(`/** ${blockCommentText(value)} */\nconst x = 1;`)).toEqual({ statements: 1, identifiers: ["x"], diagnostics: 0 });
    }
  });

  it("a # comment of hostile text is a comment to Python, YAML (both readers) and HCL", async () => {
    const comments = values.map(commentText);
    for (const comment of comments) {
      expect(comment).not.toMatch(/[\n\r\u2028\u2029\u0085]|"""|'''|-->/);
      expect(parseYaml(`# ${comment}\nk: v\n`)).toEqual({ k: "v" });
    }
    const hcl = (await parseHcl("c.tf", comments.map((comment, index) => `# ${comment}\nv${index} = 1\n`).join(""))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(hcl)).toHaveLength(comments.length);
    const dir = scratchDir("literals-comment");
    const result = runTool(
      "python3",
      [
        "-c",
        "import ast, json, sys, yaml\nout = []\nfor c in json.loads(sys.stdin.read()):\n    out.append([len(ast.parse('# ' + c + '\\nx = 1\\n').body), yaml.safe_load('# ' + c + '\\nk: v\\n')])\nprint(json.dumps(out))",
      ],
      { cwd: dir, input: JSON.stringify(comments) },
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(comments.map(() => [1, { k: "v" }]));
  });
});

describe("csvCell", () => {
  it("no cell starts a formula, and csv-parse reads back the value behind its leading quote", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 5 }), (row) => {
        const cells = row.map(csvCell);
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        const parsed = parseCsv(stringifyCsv([cells]), { relax_column_count: true }) as string[][];
        expect(parsed[0]).toEqual(cells);
        cells.forEach((cell, index) => expect(cell === row[index] || cell === `'${row[index]}`).toBe(true));
      }),
      property,
    );
  });
});

describe("terminalText", () => {
  it("leaves no control character but line feed and tab, and no bidirectional override", () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        expect(terminalText(value)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      property,
    );
    expect(terminalText("a\u001b]0;title\u0007b\u001b[31mc\u001b[0m\u009b2Jd\u001b]8;;https://x\u001b\\e")).toBe("abcde");
  });
});

describe("markdownText", () => {
  it("leaves no markup character unescaped and no autolink trigger", () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const text = markdownText(value);
        const unescaped = text.replace(/\\[\s\S]/g, "");
        expect(unescaped).not.toMatch(/[`*_~[\]!<>&|#@\n\r\\]/);
        expect(unescaped).not.toMatch(/www\.|:\/\//i);
      }),
      property,
    );
  });
});

describe("fileNamePart", () => {
  it("is a plain file name part", () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        expect(fileNamePart(value)).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
      }),
      property,
    );
    expect(fileNamePart('aws_api_gateway_rest_api.x["../a"]')).toBe("aws_api_gateway_rest_api.x__.._a__");
  });
});
