import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplateDocument, parseTemplateDocumentWithYaml, type TemplateDocument } from "@/lib/templates/document";
import { largeSamTemplate } from "@/lib/templates/testing/large-templates";
import { isolatedContext } from "@/lib/templates/testing/method-table";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { readTemplates } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import { readSamApis } from "@/lib/templates/sam/read-sam";
import { isSamTemplate } from "@/lib/templates/sam/sources";
import { readApiGatewayResources } from "@/lib/templates/cloudformation/read-api-gateway";
import { isIntrinsicKey, MAX_RECORDED_SUBTREES, MIN_RECORDED_NODES, plainSubtree } from "./plain-subtrees";

/** What a record must say about `value`, counted the slow way: values, height, and whether an intrinsic key is inside. */
function recount(value: unknown): { nodes: number; height: number; plain: boolean } {
  if (value === null || typeof value !== "object") return { nodes: 1, height: 0, plain: true };
  let nodes = 1;
  let height = 0;
  let plain = true;
  const entries = Array.isArray(value) ? value.map((item) => ["", item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (!Array.isArray(value) && isIntrinsicKey(key)) plain = false;
    const below = recount(child);
    nodes += below.nodes;
    height = Math.max(height, below.height + 1);
    plain &&= below.plain;
  }
  return { nodes, height, plain };
}

function collectionsOf(value: unknown, out: object[] = []): object[] {
  if (value === null || typeof value !== "object") return out;
  out.push(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) collectionsOf(child, out);
  return out;
}

/** Every record in `value` is true now; returns how many there are. */
function expectRecordsTrue(file: string, value: unknown): number {
  let recorded = 0;
  for (const collection of collectionsOf(value)) {
    const record = plainSubtree(collection);
    if (!record) continue;
    recorded++;
    const truth = recount(collection);
    expect(truth.plain, `${file}: a recorded subtree holds an intrinsic`).toBe(true);
    expect(record, `${file}: record of a subtree`).toEqual({ nodes: truth.nodes, height: truth.height });
    expect(truth.nodes).toBeGreaterThanOrEqual(MIN_RECORDED_NODES);
  }
  return recorded;
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

function parsedOk(file: string, text: string, read: typeof parseTemplateDocument): TemplateDocument | undefined {
  const parsed = read(file, text);
  return parsed.ok ? parsed.document : undefined;
}

/** What the readers that use the records give for a document: the SAM APIs and the plain API Gateway resources. */
function readingOf(document: TemplateDocument): string {
  const context = isolatedContext();
  const sam = isSamTemplate(document.value) ? readSamApis(document, context) : undefined;
  const plain = readApiGatewayResources(document, { region: context.region, format: "cloudformation" });
  return JSON.stringify({ sam, plain });
}

describe("plain subtrees recorded by the YAML fast parser", () => {
  it("records every large plain subtree of the benchmark template with its node count and height", () => {
    const text = largeSamTemplate(300);
    const document = parsedOk("large/template.yaml", text, parseTemplateDocument);
    const body = (document?.value as { Resources: { LargeApi: { Properties: { DefinitionBody: object } } } }).Resources.LargeApi.Properties
      .DefinitionBody;
    expect(plainSubtree(body)).toEqual({ nodes: recount(body).nodes, height: recount(body).height });
    // No tags and no intrinsics in it: each large collection is recorded, each small one is not.
    for (const collection of collectionsOf(document?.value)) {
      const truth = recount(collection);
      if (truth.nodes >= MIN_RECORDED_NODES) expect(plainSubtree(collection)).toEqual({ nodes: truth.nodes, height: truth.height });
      else expect(plainSubtree(collection)).toBeUndefined();
    }
  });

  it("records nothing that holds an intrinsic, long or short form, and nothing from the yaml package's path", () => {
    const paths = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`/p${i}`, { get: { responses: { "200": { description: "ok" } } } }]),
    );
    const withIntrinsic = (intrinsic: string) =>
      `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody:\n        paths: ${JSON.stringify(paths)}\n        x: ${intrinsic}\n`;
    for (const intrinsic of ["!Ref Stage", "!Sub '${AWS::Region}'", '{ "Fn::Join": ["", []] }', "{ Ref: Stage }", "{ Condition: C }"]) {
      const text = withIntrinsic(intrinsic);
      const document = parsedOk("t.yaml", text, parseTemplateDocument);
      const body = (document?.value as { Resources: { Api: { Properties: { DefinitionBody: { paths: object } } } } }).Resources.Api
        .Properties.DefinitionBody;
      expect(plainSubtree(body), intrinsic).toBeUndefined();
      expect(plainSubtree(document?.value), intrinsic).toBeUndefined();
      // The paths beside it are plain, and recorded.
      expect(plainSubtree(body.paths), intrinsic).toBeDefined();
      expectRecordsTrue(intrinsic, document?.value);
      const reference = parsedOk("t.yaml", text, parseTemplateDocumentWithYaml);
      expect(collectionsOf(reference?.value).some((c) => plainSubtree(c) !== undefined)).toBe(false);
    }
  });

  it("keeps every record true on the corpus and the benchmark template, before and after every reader read the file (no reader edits a parsed value)", async () => {
    const readers = await loadTemplateReaders();
    let recorded = 0;
    for (const { file, text } of [...corpusFiles(), { file: "large/template.yaml", text: largeSamTemplate(300) }]) {
      // The loader's path for the file, so that detection and the reader get this very document from the parse cache.
      const path = `case/${basename(file)}`;
      const document = parsedOk(path, text, parseTemplateDocument);
      if (!document) continue;
      recorded += expectRecordsTrue(file, document.value);
      readTemplates(memoryFileTree([{ path, text }]), readers, { region: "us-east-1" });
      expectRecordsTrue(`${file} (after reading)`, document.value);
    }
    // The corpus's files are small (a handful of records); the benchmark template has one per large collection.
    expect(recorded).toBeGreaterThan(5);
  });

  it("gives the readers the same result as the yaml package's path, which records nothing (corpus)", () => {
    let compared = 0;
    for (const { file, text } of corpusFiles()) {
      const fast = parsedOk(file, text, parseTemplateDocument);
      const reference = parsedOk(file, text, parseTemplateDocumentWithYaml);
      if (!fast || !reference) continue;
      expect(readingOf(fast), file).toBe(readingOf(reference));
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it("records at most MAX_RECORDED_SUBTREES subtrees of one document", () => {
    // 120 chains of 90 nested mappings over 64 scalars: every mapping of a chain is a large plain subtree.
    const leaf = `{ ${Array.from({ length: 64 }, (_, i) => `k${i}: ${i}`).join(", ")} }`;
    const chain = (depth: number) => "{ a: ".repeat(depth) + leaf + " }".repeat(depth);
    const text = Array.from({ length: 120 }, (_, i) => `c${i}: ${chain(90)}`).join("\n") + "\n";
    const document = parsedOk("chains.yaml", text, parseTemplateDocument);
    const recorded = expectRecordsTrue("chains.yaml", document?.value);
    expect(collectionsOf(document?.value).filter((c) => recount(c).nodes >= MIN_RECORDED_NODES).length).toBeGreaterThan(
      MAX_RECORDED_SUBTREES,
    );
    expect(recorded).toBe(MAX_RECORDED_SUBTREES);
  });

  it("walks a plain subtree deeper than the resolver's depth bound, to fail where the walk fails", () => {
    // 70 nested mappings, each with a few scalars (a recorded subtree): past the resolver's 64 levels.
    let nested = "leaf";
    for (let i = 0; i < 70; i++) nested = `{ a${i}: 1, b${i}: 2, c: ${nested} }`;
    const text = `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        openapi: 3.0.1\n        paths: {}\n        x-deep: ${nested}\n`;
    const fast = parsedOk("deep.yaml", text, parseTemplateDocument);
    const reference = parsedOk("deep.yaml", text, parseTemplateDocumentWithYaml);
    const body = (fast?.value as { Resources: { Api: { Properties: { DefinitionBody: object } } } }).Resources.Api.Properties
      .DefinitionBody;
    expect(plainSubtree(body)?.height).toBeGreaterThan(64);
    const reading = readingOf(fast as TemplateDocument);
    expect(reading).toContain("steps; left unresolved");
    expect(reading).toBe(readingOf(reference as TemplateDocument));
  });
});
