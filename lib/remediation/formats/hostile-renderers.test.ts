/**
 * Generated artifacts are inert whatever the account contains (issue 15). Hostile names, paths, stage names, header
 * names and values (lib/remediation/testing/hostile-names.ts) go through every `preflight fix --format` renderer;
 * each output is then read by the real tool for its language, batched (one tool run per batch, seeded samples):
 * bash -n and shellcheck, then the script itself against a fake `aws`; JSON.parse; the `yaml` parser and PyYAML
 * (YAML 1.2 and 1.1 must read the same strings) and cfn-lint; HashiCorp's HCL parser (@cdktf/hcl2json); one tsc
 * program over every CDK file and Node authorizer; py_compile; then the Node and Python authorizers are loaded and
 * called, and the CDK files synthesised, in child processes whose cwd is a scratch directory: the payloads' marker
 * file must never appear, and the names must come back exactly as the account spelled them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCfnYaml } from "@/lib/remediation/cfn-yaml";
import type { RenderedSnippet, RemediationFormat } from "@/lib/remediation/formats/types";
import { camelName, snakeName } from "@/lib/remediation/naming";
import { bundleZip, renderPlan } from "@/lib/remediation/render-all";
import { hostileNames, hostileStorefront, INJECTIONS, MARKER, SEED, type HostileNames } from "@/lib/remediation/testing/hostile-names";
import { removeScratchDirs, runTool, scratchDir, writeFiles } from "@/lib/remediation/testing/tool-run";

/** Per tool batch: enough hostile shapes to matter, few enough for two shared cores. */
const RUNS = 40;

/** The issue's own examples, as whole names, first in every batch. */
const ISSUE_EXAMPLES: HostileNames = {
  apiName: `x\u2028require('fs').writeFileSync('${MARKER}', '')//`,
  apiId: "a1b2c3d4e5",
  tokenAuthorizer: `a */ require('child_process').execSync('touch ${MARKER}'); /* b`,
  requestAuthorizer: `x") #"""; __import__('os').system('touch ${MARKER}'); """`,
  path: "/pathC/$(touch PWNED)",
  stage: `stageD'; touch ${MARKER}; '`,
  headerName: `X-\u001b]0;t\u0007"\`$(touch ${MARKER})`,
  headerValue: `https://a.example\u0085"; touch ${MARKER} #`,
};

interface Case {
  index: number;
  names: HostileNames;
  snippets: Map<RemediationFormat, RenderedSnippet>;
}

function renderCase(names: HostileNames, index: number): Case {
  const { plan } = hostileStorefront(names);
  return { index, names, snippets: new Map(renderPlan(plan).map((snippet) => [snippet.format, snippet])) };
}

function snippetOf(item: Case, format: RemediationFormat): RenderedSnippet {
  const snippet = item.snippets.get(format);
  if (!snippet) throw new Error(`${format} not rendered for case ${item.index}`);
  return snippet;
}

/** Every string anywhere in a parsed document. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) stringsIn(item, stringsIn(key, out));
  return out;
}

const contains = (strings: readonly string[], wanted: string) => strings.some((text) => text.includes(wanted));

const samples = [ISSUE_EXAMPLES, ...fc.sample(hostileNames, { seed: SEED, numRuns: RUNS - 1 })];
const cases = samples.map(renderCase);
let dir: string;

beforeAll(() => {
  dir = scratchDir("hostile-renderers");
});

// Kept when a payload ran, for inspection (test-output/ is ignored by git).
afterAll(() => removeScratchDirs(MARKER));

function assertInert(cwd: string): void {
  expect(existsSync(join(cwd, MARKER)), `a payload ran in ${cwd}`).toBe(false);
}

describe("hostile names through every fix format", () => {
  it("the generator covers every payload of INJECTIONS and the issue's examples", () => {
    expect(cases).toHaveLength(RUNS);
    expect(samples.flatMap((names) => Object.values(names)).some((name) => INJECTIONS.some((payload) => name.includes(payload)))).toBe(
      true,
    );
    for (const item of cases)
      expect([...item.snippets.keys()].sort()).toEqual([
        "authorizer-node",
        "authorizer-python",
        "aws-cli",
        "cdk",
        "cloudformation",
        "sam",
        "sdk-json",
        "terraform",
      ]);
  });

  it("file names and bundle entries stay plain names inside their folder, whatever the API id", () => {
    for (const item of cases) {
      const { plan } = hostileStorefront(item.names);
      const entries = Object.keys(unzipSync(bundleZip({ plan, snippets: [...item.snippets.values()] })));
      for (const entry of entries) expect(entry).toMatch(/^preflight-fix-[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
      for (const snippet of item.snippets.values()) expect(snippet.filename).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
    }
  });

  it("AWS CLI: bash -n and shellcheck accept every script, and run against a fake aws it passes the names through unchanged", () => {
    const work = join(dir, "bash");
    runTool("mkdir", ["-p", join(work, "bin")], { cwd: dir });
    // The fake aws logs its arguments NUL-separated; reads (get-*) fail, so every change is "needed".
    writeFiles(join(work, "bin"), [
      [
        "aws",
        '#!/usr/bin/env bash\n{ printf \'%s\\0\' "$@"; printf \'\\n--END--\\0\'; } >> "$AWS_LOG"\ncase " $* " in *" get-"*) exit 1 ;; esac\nexit 0\n',
      ],
    ]);
    runTool("chmod", ["+x", join(work, "bin", "aws")], { cwd: dir });
    const files = writeFiles(
      work,
      cases.map((item) => [`case-${item.index}.sh`, snippetOf(item, "aws-cli").content]),
    );
    const syntax = runTool("bash", ["-c", 'for f in "$@"; do bash -n "$f" || echo "SYNTAX $f"; done', "check", ...files], { cwd: work });
    expect(syntax.stdout + syntax.stderr).toBe("");
    const lint = runTool("shellcheck", ["--severity=warning", "--format=gcc", ...files], { cwd: work });
    expect(lint.stdout, lint.stdout).toBe("");
    expect(lint.status).toBe(0);

    // Running a script costs one process per AWS call: half the batch, the issue's examples first, is run.
    for (const item of cases.slice(0, RUNS / 2)) {
      const log = join(work, `aws-${item.index}.log`);
      const ran = runTool("bash", [files[item.index] as string], {
        cwd: work,
        env: { PATH: `${join(work, "bin")}:${process.env.PATH}`, AWS_LOG: log, REGION: "", API_ID: "", PROFILE: "", ENDPOINT_URL: "" },
      });
      expect(ran.status, ran.stderr).toBe(0);
      assertInert(work);
      const args = readFileSync(log, "utf8").split("\0");
      const strip = (text: string) => text.replace(/\0/g, "");
      // Stage names are whole arguments; the API id is the default; header names and values sit inside JSON arguments.
      expect(args).toContain(strip(item.names.stage));
      expect(args).toContain(strip(item.names.apiId));
      // NUL cannot be a bash word, so bashWord drops it; inside a JSON argument it travels as \u0000.
      const decoded = stringsIn(
        args.flatMap((arg) => (arg.startsWith("[") || arg.startsWith("{") ? [JSON.parse(arg) as unknown] : [arg])),
      ).map(strip);
      expect(contains(decoded, strip(item.names.headerValue)), JSON.stringify([item.names.headerValue, decoded])).toBe(true);
      expect(contains(decoded, strip(item.names.headerName)), JSON.stringify(item.names.headerName)).toBe(true);
    }
    // shellcheck and one bash process per script: like the other tool runs here, more than the default 30 s on a busy
    // machine (it took 31 s in one CI run).
  }, 180_000);

  it("JSON: parses and keeps every name", () => {
    for (const item of cases) {
      const strings = stringsIn(JSON.parse(snippetOf(item, "sdk-json").content));
      for (const name of [item.names.stage, item.names.headerValue, item.names.headerName, item.names.tokenAuthorizer, item.names.apiName])
        expect(contains(strings, name)).toBe(true);
    }
  });

  it("CloudFormation and SAM: the yaml parser and PyYAML read the same strings, the names among them; cfn-lint parses them", () => {
    const work = join(dir, "yaml");
    runTool("mkdir", ["-p", work], { cwd: dir });
    const entries = cases.flatMap((item) =>
      (["cloudformation", "sam"] as const).map((format) => ({ item, format, name: `case-${item.index}.${format}.yaml` })),
    );
    const files = writeFiles(
      work,
      entries.map((entry) => [entry.name, snippetOf(entry.item, entry.format).content]),
    );
    const ours = entries.map((entry) => parseCfnYaml(snippetOf(entry.item, entry.format).content));
    for (const [index, entry] of entries.entries()) {
      const strings = stringsIn(ours[index]);
      expect(contains(strings, entry.item.names.headerValue), entry.name).toBe(true);
      if (entry.format === "cloudformation") {
        expect(strings).toContain(entry.item.names.tokenAuthorizer);
        expect(strings).toContain(entry.item.names.stage);
        expect(strings).toContain(entry.item.names.apiId);
      }
    }
    // PyYAML is the YAML 1.1 reader cfn-lint uses; U+0085, U+2028 and U+2029 are line breaks there.
    const python = runTool(
      "python3",
      [
        "-c",
        [
          "import json, sys, yaml",
          "class L(yaml.SafeLoader): pass",
          "def tag(loader, suffix, node):",
          "    fn = suffix if suffix in ('Ref', 'Condition') else 'Fn::' + suffix",
          "    if isinstance(node, yaml.ScalarNode):",
          "        v = loader.construct_scalar(node)",
          "        return {fn: v.split('.') if suffix == 'GetAtt' else v}",
          "    return {fn: loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node)}",
          "L.add_multi_constructor('!', tag)",
          "print(json.dumps([yaml.load(open(f, encoding='utf-8'), Loader=L) for f in sys.argv[1:]]))",
        ].join("\n"),
        ...files,
      ],
      { cwd: work },
    );
    expect(python.stderr).toBe("");
    expect(JSON.parse(python.stdout)).toEqual(JSON.parse(JSON.stringify(ours)));

    // cfn-lint starts slowly: a quarter of the batch.
    const cfn = files.filter((file) => file.endsWith(".cloudformation.yaml")).slice(0, RUNS / 4);
    const lint = runTool("cfn-lint", ["--format", "parseable", "--", ...cfn], { cwd: work, timeoutMs: 180_000 });
    // E0000 is "template could not be parsed"; the snippets are fragments to merge, so other rules may speak.
    expect(lint.stdout.split("\n").filter((line) => /:E0000:/.test(line))).toEqual([]);
  }, 240_000);

  it("Terraform: HashiCorp's HCL parser reads every file and the names come back as literal strings", async () => {
    // In Terraform's JSON form a literal "${" or "%{" is written "$${" / "%%{".
    // HashiCorp's parser reads string literals as Unicode NFC (hclsyntax/spec.md, "Source Code Representation": string
    // literals have special handling with regard to Unicode normalization), which hcl2json shows.
    const asTerraformJson = (text: string) =>
      text
        .normalize("NFC")
        .replace(/\$\{/g, () => "$${")
        .replace(/%\{/g, () => "%%{");
    for (const item of cases) {
      const hcl = (await parseHcl(`case-${item.index}.tf`, snippetOf(item, "terraform").content)) as {
        variable: { rest_api_id: Array<{ default: string; description: string }> };
      };
      const variable = hcl.variable.rest_api_id[0];
      expect(variable?.default).toBe(asTerraformJson(item.names.apiId));
      expect(variable?.description).toBe(asTerraformJson(`Id of the REST API ${item.names.apiName}`));
      const strings = stringsIn(hcl);
      expect(contains(strings, asTerraformJson(item.names.headerValue))).toBe(true);
      expect(contains(strings, asTerraformJson(item.names.tokenAuthorizer))).toBe(true);
    }
  });

  it("Python authorizer: py_compile accepts every file; each handler, called, raises its REPLACE_ME error naming the authorizer exactly", () => {
    const work = join(dir, "python");
    runTool("mkdir", ["-p", work], { cwd: dir });
    const files = writeFiles(
      work,
      cases.map((item) => [`case_${item.index}.py`, snippetOf(item, "authorizer-python").content]),
    );
    const compiled = runTool(
      "python3",
      ["-c", "import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, doraise=True)", ...files],
      {
        cwd: work,
      },
    );
    expect(compiled.stderr).toBe("");
    const calls = cases.flatMap((item) =>
      [item.names.tokenAuthorizer, item.names.requestAuthorizer].map((name) => ({
        file: files[item.index] as string,
        name,
        handler: `${snakeName(name)}_handler`,
      })),
    );
    const ran = runTool(
      "python3",
      [
        "-c",
        [
          "import importlib.util, json, sys",
          "out = []",
          "for call in json.loads(sys.stdin.read()):",
          "    spec = importlib.util.spec_from_file_location('m', call['file'])",
          "    module = importlib.util.module_from_spec(spec)",
          "    spec.loader.exec_module(module)",
          "    event = {'authorizationToken': 't', 'httpMethod': 'GET', 'methodArn': 'arn:aws:execute-api:r:1:api/stage/GET/x'}",
          "    try:",
          "        getattr(module, call['handler'])(event, None)",
          "        out.append(None)",
          "    except NotImplementedError as error:",
          "        out.append(str(error))",
          "print(json.dumps(out))",
        ].join("\n"),
      ],
      { cwd: work, input: JSON.stringify(calls) },
    );
    expect(ran.stderr).toBe("");
    assertInert(work);
    expect(JSON.parse(ran.stdout)).toEqual(
      calls.map((call) => `REPLACE_ME: plug the credential check of ${call.name} into ${snakeName(call.name)}_verify`),
    );
  });

  it("Node authorizer and CDK: one tsc program type-checks every file; the authorizers run and name themselves exactly; cdk synth runs the fixes and keeps the names", () => {
    const work = join(dir, "ts");
    runTool("mkdir", ["-p", work], { cwd: dir });
    // CDK validates path parts at synth time as API Gateway does, so the synth batch keeps a valid path; tsc sees every path.
    const synthCases = fc
      .sample(hostileNames, { seed: SEED + 1, numRuns: 12 })
      .map((names, index) => renderCase({ ...names, path: "/pathC/hostile-x" }, RUNS + index));
    const all = [...cases, ...synthCases];
    writeFiles(work, [
      ...all.map((item) => [`auth${item.index}.js`, snippetOf(item, "authorizer-node").content] as const),
      ...all.map((item) => [`cdk${item.index}.ts`, snippetOf(item, "cdk").content] as const),
      [
        "tsconfig.json",
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "commonjs",
            moduleResolution: "node",
            strict: true,
            allowJs: true,
            checkJs: true,
            esModuleInterop: true,
            skipLibCheck: true,
            outDir: "out",
            types: ["node", "aws-lambda"],
          },
          include: ["*.ts", "*.js"],
        }),
      ],
      ["synth.ts", synthProgram(synthCases)],
      // The generated authorizer is CommonJS, like the Lambda runtime's default for .js.
      ["package.json", JSON.stringify({ type: "commonjs" })],
    ]);
    const tsc = runTool(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
      cwd: work,
      timeoutMs: 240_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe("");

    const calls = all.flatMap((item) =>
      [item.names.tokenAuthorizer, item.names.requestAuthorizer].map((name) => ({
        file: join(work, `auth${item.index}.js`),
        name,
        handler: `${camelName(name)}Handler`,
      })),
    );
    const node = runTool(
      process.execPath,
      [
        "-e",
        `const calls = JSON.parse(require("fs").readFileSync(0, "utf8"));
         (async () => {
           const out = [];
           for (const call of calls) {
             const handler = require(call.file)[call.handler];
             try { await handler({ authorizationToken: "t", httpMethod: "GET", methodArn: "arn:aws:execute-api:r:1:api/stage/GET/x", headers: {} }); out.push(null); }
             catch (error) { out.push(error.message); }
           }
           process.stdout.write(JSON.stringify(out));
         })();`,
      ],
      { cwd: work, input: JSON.stringify(calls) },
    );
    expect(node.stderr).toBe("");
    assertInert(work);
    expect(JSON.parse(node.stdout)).toEqual(
      calls.map((call) => `REPLACE_ME: plug the credential check of ${call.name} into ${camelName(call.name)}Verify`),
    );

    const synth = runTool(process.execPath, [join(work, "out", "synth.js")], { cwd: work, timeoutMs: 240_000 });
    // cdk synth's own template validation may warn on stderr (see the report); it must not fail.
    expect(synth.status, synth.stderr).toBe(0);
    assertInert(work);
    const templates = JSON.parse(synth.stdout) as unknown[];
    expect(templates).toHaveLength(synthCases.length);
    templates.forEach((template, index) => {
      const names = (synthCases[index] as Case).names;
      const strings = stringsIn(template);
      expect(contains(strings, names.headerValue)).toBe(true);
      expect(contains(strings, names.headerName)).toBe(true);
    });
  }, 300_000);
});

/** A CDK app: per case a stack whose RestApi has the fixture's methods, then that case's applyPreflightFixes; prints the templates. */
function synthProgram(items: readonly Case[]): string {
  return [
    'import { App, Stack } from "aws-cdk-lib";',
    'import { aws_apigateway as apigateway } from "aws-cdk-lib";',
    ...items.map((item) => `import { applyPreflightFixes as fix${item.index} } from "./cdk${item.index}";`),
    "",
    "const app = new App();",
    "const stacks: Stack[] = [];",
    "function build(id: string, methods: Array<[string, string]>, fix: (api: apigateway.RestApi) => void): void {",
    "  const stack = new Stack(app, id);",
    '  const api = new apigateway.RestApi(stack, "Api");',
    "  for (const [path, verb] of methods) {",
    '    const resource = path === "/" ? api.root : api.root.resourceForPath(path);',
    "    resource.addMethod(verb, new apigateway.MockIntegration());",
    "  }",
    "  fix(api);",
    "  stacks.push(stack);",
    "}",
    ...items.map((item) => {
      const { model } = hostileStorefront(item.names);
      const methods = model.resources.flatMap((resource) => resource.methods.map((method) => [resource.path, method.httpMethod]));
      return `build(${JSON.stringify(`S${item.index}`)}, ${JSON.stringify(methods)}, fix${item.index});`;
    }),
    "const assembly = app.synth();",
    "process.stdout.write(JSON.stringify(stacks.map((stack) => assembly.getStackByName(stack.stackName).template)));",
    "",
  ].join("\n");
}
