/**
 * The Terraform configuration reader: the `.tf` and `.tf.json` files of the entry's directory read together, as
 * Terraform reads a module (https://developer.hashicorp.com/terraform/language/files: every .tf file of a directory
 * is one module, loaded in lexical order), with terraform.tfvars and *.auto.tfvars (and their .json forms). One
 * TemplateApi per REST API, named by the `aws_api_gateway_rest_api` resource address. Like Terraform, a syntax error
 * in any file refuses the directory.
 */
import type { TemplateFile, TemplateGap, TemplateReadContext, TemplateReadResult, TemplateReader } from "@/lib/templates/types";
import { buildApis } from "./build-apis";
import { API_GATEWAY_TYPES, WEB_ACL_ASSOCIATION_TYPES } from "./resource-types";
import { evaluateConfiguration, type ParsedFile } from "./configuration";
import { isAutoLoadedTfvars } from "./detect";
import { parseTerraformJson, parseTfvarsJson } from "./hcl-json";
import { loadHclParser, type HclParser } from "./hcl-parser";
import { ReadNames } from "./read-names";
import { TfUnknown, type TfValue } from "./values";

/** Resolves once the HCL grammar is loaded (WASM); the reader it returns is synchronous and pure. */
export async function loadTerraformReader(): Promise<TemplateReader> {
  const parser = await loadHclParser();
  return (entry, context) => readTerraformDirectory(parser, entry, context);
}

export function readTerraformDirectory(parser: HclParser, entry: TemplateFile, context: TemplateReadContext): TemplateReadResult {
  const gaps: TemplateGap[] = [];
  const siblings = [...new Set(context.listSiblings(entry.path))].sort();
  const entryName = entry.path.split(/[\\/]/).pop() ?? entry.path;
  const load = (name: string): { ok: true; file: TemplateFile } | { ok: false; message: string } => {
    if (name === entryName) return { ok: true, file: entry };
    const read = context.readRelative(entry.path, name);
    return read.ok ? read : { ok: false, message: read.error.message };
  };

  // One string per name across the directory's files (read-names.ts), the resource types those the reader's sets hold.
  const readNames = new ReadNames([...API_GATEWAY_TYPES, ...WEB_ACL_ASSOCIATION_TYPES]);
  const parsed: ParsedFile[] = [];
  const tfvars: ParsedFile[] = [];
  const names = siblings.includes(entryName) ? siblings : [...siblings, entryName].sort();
  for (const name of names) {
    const lower = name.toLowerCase();
    const isJson = lower.endsWith(".tf.json");
    const isTf = lower.endsWith(".tf") || isJson;
    const isVars = isAutoLoadedTfvars(name);
    if (!isTf && !isVars) continue;
    const file = load(name);
    if (!file.ok) {
      if (name === entryName) return { ok: false, error: { message: file.message } };
      gaps.push({ message: `${name} could not be read: ${file.message}` });
      continue;
    }
    const result = isJson
      ? parseTerraformJson(parser, file.file.path, file.file.text)
      : isVars && lower.endsWith(".json")
        ? parseTfvarsJson(parser, file.file.path, file.file.text)
        : parser.parse(file.file.path, file.file.text, readNames);
    if (!result.ok) return { ok: false, error: result.error };
    (isTf ? parsed : tfvars).push({ file: file.file.path, body: result.body });
  }

  const readFile = (path: string): TfValue => {
    const read = context.readRelative(entry.path, path);
    return read.ok ? read.file.text : new TfUnknown(`file("${path}") could not be read: ${read.error.message}`, `\${file("${path}")}`);
  };
  const configuration = evaluateConfiguration(
    parsed,
    tfvars,
    readFile,
    (type) => API_GATEWAY_TYPES.has(type) || WEB_ACL_ASSOCIATION_TYPES.has(type),
  );
  gaps.push(...configuration.gaps);
  const apis = buildApis({
    instances: configuration.resources,
    format: "terraform",
    files: parsed.map((p) => p.file),
    region: context.region,
    fileOf: (instance) => instance.position.file,
  });
  if (apis.length === 0) gaps.push({ message: `no aws_api_gateway_* resources in ${parsed.map((p) => p.file).join(", ") || entry.path}` });
  return { ok: true, apis, gaps };
}
