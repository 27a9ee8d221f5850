/**
 * The review's examples (issue 15), one test each: every one ran the attacker's code (or rendered their markup) with
 * the renderers as they were before the literals/ writers.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { renderTextReport } from "@/lib/cli/formats/text-report";
import type { AuditReport } from "@/lib/audit/types";
import { renderAuthorizerNode } from "@/lib/remediation/formats/authorizer-node";
import { renderAuthorizerPython } from "@/lib/remediation/formats/authorizer-python";
import { renderCdk } from "@/lib/remediation/formats/cdk";
import { camelName, snakeName } from "@/lib/remediation/naming";
import { hostileStorefront, MARKER, type HostileNames } from "@/lib/remediation/testing/hostile-names";
import { removeScratchDirs, runTool, scratchDir, writeFiles } from "@/lib/remediation/testing/tool-run";
import { renderCsvMatrix } from "@/lib/report/csv";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { reportFixture } from "@/lib/report/testing/report-fixture";

const COMMENT_ESCAPE = `a */ require('child_process').execSync('touch ${MARKER}'); /* b`;
const DOCSTRING_ESCAPE = `x") #"""; __import__('os').system('touch ${MARKER}'); """`;
const LINE_SEPARATOR_ESCAPE = `x\u2028require('fs').writeFileSync('${MARKER}', '')//`;

function names(overrides: Partial<HostileNames>): HostileNames {
  return {
    apiName: "storefront",
    apiId: "a1b2c3d4e5",
    tokenAuthorizer: "orders-token-authorizer",
    requestAuthorizer: "session-authorizer",
    path: "/orders/{id}",
    stage: "prod",
    headerName: "X-Api-Key",
    headerValue: "https://shop.example.com",
    ...overrides,
  };
}

/** Loads a generated CommonJS authorizer in a child node with a scratch cwd; returns whether the marker appeared. */
function loadNode(content: string): { ran: boolean; status: number | null; stderr: string } {
  const dir = scratchDir("issue15-node");
  writeFiles(dir, [
    ["authorizer.js", content],
    ["package.json", JSON.stringify({ type: "commonjs" })],
  ]);
  const result = runTool(process.execPath, ["-e", 'require("./authorizer.js")'], { cwd: dir });
  return { ran: existsSync(join(dir, MARKER)), status: result.status, stderr: result.stderr };
}

/** Statements, calls and identifiers of a TypeScript/JavaScript file, comments and string contents excluded. */
function identifiersOf(code: string, fileName: string): Set<string> {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true);
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

afterAll(() => removeScratchDirs(MARKER));

describe("issue 15: names from the account stay data", () => {
  it("an authorizer name closing a /** */ comment does not run in the Node authorizer", () => {
    const { plan } = hostileStorefront(names({ tokenAuthorizer: COMMENT_ESCAPE }));
    const snippet = renderAuthorizerNode(plan);
    expect(snippet).toBeDefined();
    expect(identifiersOf(snippet!.content, "a.js").has("execSync")).toBe(false);
    const loaded = loadNode(snippet!.content);
    expect(loaded.stderr).toBe("");
    expect(loaded.status).toBe(0);
    expect(loaded.ran).toBe(false);
  });

  it("an authorizer name closing a /** */ comment stays in the comment of the CDK file", () => {
    const { plan } = hostileStorefront(names({ tokenAuthorizer: COMMENT_ESCAPE }));
    const code = renderCdk(plan).content;
    expect(code).toContain(`${camelName(COMMENT_ESCAPE)}Props`);
    const identifiers = identifiersOf(code, "a.ts");
    expect(identifiers.has("execSync")).toBe(false);
    expect(identifiers.has("require")).toBe(false);
  });

  it('an authorizer name closing a """ docstring does not run in the Python authorizer', () => {
    const { plan } = hostileStorefront(names({ requestAuthorizer: DOCSTRING_ESCAPE }));
    const snippet = renderAuthorizerPython(plan);
    const dir = scratchDir("issue15-python");
    writeFiles(dir, [["authorizer.py", snippet!.content]]);
    const handler = `${snakeName(DOCSTRING_ESCAPE)}_handler`;
    const result = runTool(
      "python3",
      [
        "-c",
        `import authorizer\ntry:\n    authorizer.${handler}({"headers": {}, "httpMethod": "GET", "methodArn": "a/b/GET/x"}, None)\nexcept NotImplementedError as e:\n    print(e)`,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe("");
    expect(existsSync(join(dir, MARKER))).toBe(false);
    expect(result.stdout.trim()).toBe(
      `REPLACE_ME: plug the credential check of ${DOCSTRING_ESCAPE} into ${snakeName(DOCSTRING_ESCAPE)}_verify`,
    );
  });

  it("an API name with U+2028 does not end a // comment of the Node authorizer", () => {
    const { plan } = hostileStorefront(names({ apiName: LINE_SEPARATOR_ESCAPE }));
    const snippet = renderAuthorizerNode(plan);
    const loaded = loadNode(snippet!.content);
    expect(loaded.stderr).toBe("");
    expect(loaded.ran).toBe(false);
    expect(snippet!.content).not.toMatch(/[\u2028\u2029\u0085]/);
  });

  it("two authorizer names with the same words get distinct handlers in Node and Python (no silent override)", () => {
    const { plan } = hostileStorefront(names({ tokenAuthorizer: "!!", requestAuthorizer: "??" }));
    const node = renderAuthorizerNode(plan)!.content;
    const python = renderAuthorizerPython(plan)!.content;
    expect(node).toContain("module.exports = { stageWideResource, rootHandler, root2Handler };");
    expect(python).toContain("def root_handler(");
    expect(python).toContain("def root_2_handler(");
    const dir = scratchDir("issue15-collide");
    writeFiles(dir, [
      ["authorizer.js", node],
      ["authorizer.py", python],
      ["package.json", JSON.stringify({ type: "commonjs" })],
    ]);
    const js = runTool(
      process.execPath,
      [
        "-e",
        'const a = require("./authorizer.js"); Promise.allSettled([a.rootHandler({}), a.root2Handler({})]).then((r) => console.log(r.map((x) => x.reason.message).join("|")))',
      ],
      { cwd: dir },
    );
    expect(js.stdout.trim()).toBe(
      "REPLACE_ME: plug the credential check of !! into rootVerify|REPLACE_ME: plug the credential check of ?? into root2Verify",
    );
  });

  const hostileReport = (apiName: string, path: string): AuditReport => {
    const { report } = reportFixture();
    const { model, findings } = hostileStorefront(names({ apiName, path }));
    return { ...report, api: { ...report.api, name: apiName }, model, findings };
  };

  it("CSV cells that a spreadsheet would run as formulas start with a quote", () => {
    const csv = renderCsvMatrix(hostileReport("x", `=HYPERLINK("https://evil.example","x")`)).content;
    const rows = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.path)).toContain(`'=HYPERLINK("https://evil.example","x")`);
    expect(rows.every((row) => Object.values(row).every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
  });

  it("Markdown escapes names: no HTML, link or image from the account", () => {
    const markdown = renderMarkdownReport(
      hostileReport(`<img src=x onerror=alert(1)>[a](https://evil.example)![i](https://evil.example/i)`, "/p"),
    ).content;
    // Outside code fences (whose content Markdown never renders), no "<" or "](" that is not backslash-escaped.
    const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, "");
    expect(prose).toContain("Preflight audit");
    expect(prose).not.toMatch(/(?<!\\)</);
    expect(prose).not.toMatch(/(?<!\\)\]\(/);
    expect(markdown).toContain("\\<img src=x onerror=alert(1)\\>\\[a\\](https\\://evil.example)\\!\\[i\\]");
  });

  it("text output strips terminal control sequences", () => {
    const text = renderTextReport(hostileReport("a\u001b]0;owned\u0007\u001b[2J\u009b31mb", "/p\u001b[1A"));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain("Preflight audit of ab (");
  });
});
