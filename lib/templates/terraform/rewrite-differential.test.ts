/**
 * The evaluator and snapshot builder were rewritten for speed (indexes instead of scans, one scope per instance);
 * behaviour must not change. The implementation before the rewrite is kept in testing/reference/ as the oracle: both
 * evaluate and build every corpus directory, the generated configurations and random configurations built to hit
 * the hard cases (count/for_each keys, references between arguments and instances, cycles, variables and tfvars,
 * dotted labels, duplicate addresses, nested and dynamic blocks), and must give equal results, gaps and errors alike.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { largeTerraformConfiguration } from "@/lib/templates/testing/large-templates";
import { buildApis } from "./build-apis";
import { attributeNodesOf, evaluateConfiguration, type ParsedFile, type TfConfiguration, type TfResourceInstance } from "./configuration";
import { isAutoLoadedTfvars } from "./detect";
import { parseTerraformJson, parseTfvarsJson } from "./hcl-json";
import { loadHclParser, type HclParser } from "./hcl-parser";
import { API_GATEWAY_TYPES, WEB_ACL_ASSOCIATION_TYPES } from "./resource-types";
import { corpusConfigurations } from "./testing/corpus";
import { generatedConfiguration } from "./testing/generate";
import { buildApis as referenceBuildApis } from "./testing/reference/build-apis";
import {
  evaluateConfiguration as referenceEvaluate,
  type TfResourceInstance as ReferenceInstance,
} from "./testing/reference/configuration";
import { referenceSyntax } from "./testing/reference/hcl-ast";
import { positionOf } from "./hcl-ast";
import { FixedSource } from "./hcl-source";
import { TfUnknown, type TfValue } from "./values";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

const relevant = (type: string) => API_GATEWAY_TYPES.has(type) || WEB_ACL_ASSOCIATION_TYPES.has(type);

/** One directory's files parsed as read-terraform.ts reads them; undefined when a file does not parse. */
function parseDirectory(files: Record<string, string>): { parsed: ParsedFile[]; tfvars: ParsedFile[] } | undefined {
  const parsed: ParsedFile[] = [];
  const tfvars: ParsedFile[] = [];
  for (const path of Object.keys(files).sort()) {
    const lower = path.toLowerCase();
    const isJson = lower.endsWith(".tf.json");
    const isTf = lower.endsWith(".tf") || isJson;
    const isVars = isAutoLoadedTfvars(path.split("/").pop() ?? path);
    if (!isTf && !isVars) continue;
    const text = files[path] ?? "";
    const result = isJson
      ? parseTerraformJson(parser, path, text)
      : isVars && lower.endsWith(".json")
        ? parseTfvarsJson(parser, path, text)
        : parser.parse(path, text);
    if (!result.ok) return undefined;
    (isTf ? parsed : tfvars).push({ file: path, body: result.body });
  }
  return { parsed, tfvars };
}

/** The result of `run`, or the message it threw: the oracle's errors are behaviour too. */
function outcome<T>(run: () => T): { value: T } | { threw: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The current configuration as the reference gives it: each argument's position read from its syntax node (the reference
 * made one for every argument as it evaluated; the current reader reads only those a finding or gap uses).
 */
function asReference(configuration: TfConfiguration): unknown {
  return {
    ...configuration,
    resources: configuration.resources.map((resource) => {
      const positions = Object.entries(attributeNodesOf(resource)).map(([name, node]) => [name, positionOf(node)]);
      // The syntax an instance keeps for its nodes is no part of what the reference gave.
      const instance: Partial<TfResourceInstance> = { ...resource };
      delete instance.attributeNodes;
      delete instance.body;
      return { ...instance, attributePositions: Object.fromEntries(positions) };
    }),
  };
}

/** The reference's instances as the current builder takes them: each argument's position behind a node. */
function asCurrent(instances: ReferenceInstance[]): TfResourceInstance[] {
  return instances.map(({ attributePositions, ...instance }) => ({
    ...instance,
    attributeNodes: Object.fromEntries(
      Object.entries(attributePositions).map(([name, position]) => [name, { source: new FixedSource(position, ""), start: 0 }]),
    ),
  }));
}

/** Evaluates and builds one directory with both implementations and expects the same; false when it did not parse. */
function agrees(files: Record<string, string>): boolean {
  const directory = parseDirectory(files);
  if (!directory) return false;
  const readFile = (path: string): TfValue =>
    path === "api.json" ? '{"openapi":"3.0.1","paths":{"/x":{"get":{}}}}' : new TfUnknown(`file("${path}") could not be read`, "");
  const current = outcome(() => asReference(evaluateConfiguration(directory.parsed, directory.tfvars, readFile, relevant)));
  // The reference reads the syntax as the parsers gave it before offsets: positions and texts made for every node.
  const asBefore = (files: ParsedFile[]) => files.map(({ file, body }) => ({ file, body: referenceSyntax(body) }));
  const reference = outcome(() => referenceEvaluate(asBefore(directory.parsed), asBefore(directory.tfvars), readFile, relevant));
  expect(current).toEqual(reference);
  if (!("value" in reference)) return true;
  const common = {
    format: "terraform" as const,
    files: directory.parsed.map((p) => p.file),
    region: "us-east-1",
    fileOf: (instance: { position: { file: string } }) => instance.position.file,
  };
  const instances = reference.value.resources;
  expect(outcome(() => buildApis({ ...common, instances: asCurrent(instances) }))).toEqual(
    outcome(() => referenceBuildApis({ ...common, instances })),
  );
  return true;
}

describe("rewritten evaluator and builder agree with the implementation before the rewrite", () => {
  it("on every corpus directory", () => {
    let directories = 0;
    for (const files of corpusConfigurations().values()) {
      const byDirectory = new Map<string, Record<string, string>>();
      for (const [path, text] of Object.entries(files)) {
        const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
        byDirectory.set(dir, { ...byDirectory.get(dir), [path]: text });
      }
      for (const dirFiles of byDirectory.values()) if (agrees(dirFiles)) directories++;
    }
    expect(directories).toBeGreaterThanOrEqual(9);
  });

  it("on the generated configurations", () => {
    expect(agrees(Object.fromEntries(largeTerraformConfiguration(120).map((f) => [f.path, f.text])))).toBe(true);
    expect(agrees({ "g/main.tf": generatedConfiguration(40) })).toBe(true);
  });

  it("on random configurations built to hit references, instances, cycles and variables", () => {
    const types = fc.constantFrom(
      "aws_api_gateway_rest_api",
      "aws_api_gateway_resource",
      "aws_api_gateway_method",
      "aws_api_gateway_integration",
      "aws_api_gateway_method_response",
      "aws_api_gateway_integration_response",
      "aws_api_gateway_authorizer",
      "aws_api_gateway_deployment",
      "aws_api_gateway_stage",
      "aws_api_gateway_method_settings",
      "aws_api_gateway_gateway_response",
      "aws_api_gateway_rest_api_policy",
      "aws_wafv2_web_acl_association",
      "aws_lambda_function",
    );
    const names = fc.constantFrom("a", "b", "c");
    const attributes = fc.constantFrom(
      "id",
      "rest_api_id",
      "parent_id",
      "path_part",
      "resource_id",
      "http_method",
      "status_code",
      "stage_name",
      "deployment_id",
      "authorization",
      "authorizer_id",
      "name",
      "root_resource_id",
      "arn",
      "x",
      "response_parameters",
      "variables",
    );
    const variable = fc.constantFrom("v1", "v2", "v3");
    const local = fc.constantFrom("l1", "l2", "l3");
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom('"GET"', '"OPTIONS"', '"200"', "0", "1", "2", "true", "false", "null", '"a"', '"${x}"', '"/"', '"*/*"'),
        fc.constantFrom("count.index", "each.key", "each.value", "each.value.x", "path.module", "data.x.y.z", "module.m.out", "self.x"),
        variable.map((v) => `var.${v}`),
        local.map((l) => `local.${l}`),
        fc
          .tuple(types, names, fc.constantFrom("", "[0]", "[1]", '["a"]', '["b"]', "[count.index]", "[each.key]", "[var.v1]"), attributes)
          .map(([t, n, k, a]) => `${t}.${n}${k}.${a}`),
        fc.tuple(types, names).map(([t, n]) => `${t}.${n}`),
        tie("expr").map((e) => `"p-\${${e}}"`),
        fc.array(tie("expr"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
        fc
          .array(fc.tuple(fc.constantFrom("a", "b", "x", '"k"', "__proto__"), tie("expr")), { maxLength: 3 })
          .map((items) => `{ ${items.map(([k, v]) => `${k} = ${v}`).join(", ")} }`),
        fc
          .tuple(
            fc.constantFrom("toset", "length", "lookup", "merge", "concat", "jsonencode", "file", "upper", "try"),
            fc.array(tie("expr"), { maxLength: 2 }),
          )
          .map(([f, args]) => `${f}(${args.join(", ")})`),
        fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
        fc.tuple(tie("expr"), fc.constantFrom("+", "==", "&&"), tie("expr")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        tie("expr").map((e) => `(${e}).x`),
      ),
    }));
    const attribute = fc.tuple(attributes, expr).map(([name, value]) => `  ${name} = ${value}\n`);
    const meta = fc.oneof(
      fc.constant(""),
      fc.constantFrom("0", "1", "2", "var.v1", "length(local.l1)", "-1", '"x"').map((c) => `  count = ${c}\n`),
      fc
        .constantFrom(
          '{ a = "x", b = "y" }',
          '["a", "b"]',
          '["a", "a"]',
          'toset(["a", "b"])',
          "local.l2",
          "var.v2",
          '["0", "1"]',
          "{}",
          "[1]",
        )
        .map((f) => `  for_each = ${f}\n`),
    );
    const nested = fc.oneof(
      fc.constant(""),
      attribute.map((a) => `  settings {\n  ${a}  }\n`),
      fc.constant('  dynamic "x" {\n  }\n  lifecycle {\n    create_before_destroy = true\n  }\n'),
    );
    const labels = fc.oneof(
      fc.tuple(types, names).map(([t, n]) => `"${t}" "${n}"`),
      fc.constantFrom('"aws_api_gateway_method.x" "a"', '"aws_api_gateway_method" "a.b"', '"" "a"'),
    );
    const resource = fc
      .tuple(labels, meta, fc.uniqueArray(attribute, { maxLength: 5, selector: (a) => a.split("=")[0] }), nested)
      .map(([l, m, attrs, n]) => `resource ${l} {\n${m}${attrs.join("")}${n}}\n`);
    const block = fc.oneof(
      { weight: 6, arbitrary: resource },
      {
        weight: 1,
        arbitrary: fc.tuple(variable, fc.option(expr)).map(([v, d]) => `variable "${v}" {\n${d === null ? "" : `  default = ${d}\n`}}\n`),
      },
      {
        weight: 1,
        arbitrary: fc
          .uniqueArray(fc.tuple(local, expr), { maxLength: 3, selector: ([l]) => l })
          .map((ls) => `locals {\n${ls.map(([l, e]) => `  ${l} = ${e}\n`).join("")}}\n`),
      },
      { weight: 1, arbitrary: fc.constant('module "m" {\n  source = "./m"\n}\n') },
    );
    const tfvars = fc
      .uniqueArray(fc.tuple(variable, expr), { maxLength: 2, selector: ([v]) => v })
      .map((vs) => vs.map(([v, e]) => `${v} = ${e}\n`).join(""));
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 10 }), fc.array(block, { maxLength: 4 }), tfvars, (main, other, vars) => {
        const files: Record<string, string> = { "d/main.tf": main.join("\n"), "d/other.tf": other.join("\n") };
        if (vars) files["d/terraform.tfvars"] = vars;
        if (agrees(files)) parsed++;
      }),
      { numRuns: 600 },
    );
    expect(parsed).toBeGreaterThan(300);
  });
});
