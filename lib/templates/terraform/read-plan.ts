/**
 * The JSON of `terraform show -json <planfile>` (https://developer.hashicorp.com/terraform/internals/json-format):
 * resolved values come from `planned_values.root_module` and its `child_modules`; attributes only known after
 * apply (ids) are absent there and marked in `resource_changes[].change.after_unknown`, so references between
 * resources are taken from `configuration` (`expressions.<attr>.references`, relative to their module). A plan has
 * no HCL positions: findings point at the resource's node in the JSON.
 */
import { parseTemplateDocument, type TemplateDocument, type ValuePath } from "@/lib/templates/document";
import type { TemplateFile, TemplateReadContext, TemplateReadResult } from "@/lib/templates/types";
import { buildApis } from "./build-apis";
import { API_GATEWAY_TYPES, WEB_ACL_ASSOCIATION_TYPES } from "./resource-types";
import type { TfResourceInstance } from "./configuration";
import type { HclLocated } from "./hcl-ast";
import { FixedSource } from "./hcl-source";
import { isTerraformPlanJson } from "./detect";
import { newTfObject, TfRef, TfUnknown, type TfObject, type TfValue } from "./values";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Attributes that hold ids of other API Gateway resources: where the plan knows no value, the configuration's reference stands in. */
const REFERENCE_ATTRIBUTES = [
  "rest_api_id",
  "parent_id",
  "resource_id",
  "authorizer_id",
  "deployment_id",
  "http_method",
  "status_code",
  "stage_name",
  // aws_wafv2_web_acl_association names its stage by ARN, known only after apply for a new stage.
  "resource_arn",
];

export function readTerraformPlan(entry: TemplateFile, context: TemplateReadContext): TemplateReadResult {
  // The document parser reads JSON through YAML (for positions), and YAML forgives what JSON does not
  // (`"a": }` is a YAML null): JSON.parse decides validity first.
  try {
    JSON.parse(entry.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "invalid JSON";
    return { ok: false, error: { message: `${entry.path}: not valid JSON: ${reason}` } };
  }
  const parsed = parseTemplateDocument(entry.path, entry.text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const doc = parsed.document;
  const plan = doc.value;
  if (!isTerraformPlanJson(plan) || !isObject(plan)) {
    return {
      ok: false,
      error: { message: `${entry.path}: not the JSON of terraform show -json <plan> (no format_version with planned_values)` },
    };
  }
  const version = String(plan.format_version);
  // The major version changes only for incompatible changes; reject those (json-format, "format_version").
  // 0.x (Terraform 0.12 to 1.0) has the same shape, before the compatibility promise.
  if (!/^[01](\.\d+)*$/.test(version)) {
    return { ok: false, error: { message: `${entry.path}: plan JSON format_version ${version} is not supported (0.x and 1.x are)` } };
  }

  const unknownByAddress = new Map<string, Json>();
  if (Array.isArray(plan.resource_changes)) {
    for (const change of plan.resource_changes) {
      if (isObject(change) && typeof change.address === "string" && isObject(change.change) && isObject(change.change.after_unknown)) {
        unknownByAddress.set(change.address, change.change.after_unknown);
      }
    }
  }
  const expressionsByAddress = new Map<string, { module: string; expressions: Json }>();
  const moduleCalls = new Map<string, ModuleCall>();
  const configRoot = isObject(plan.configuration) ? plan.configuration.root_module : undefined;
  collectConfiguration(configRoot, "", expressionsByAddress, moduleCalls, 0);

  const instances: TfResourceInstance[] = [];
  const plannedRoot = isObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
  collectPlanned(doc, plannedRoot, ["planned_values", "root_module"], instances, unknownByAddress, expressionsByAddress, moduleCalls, 0);
  linkKnownIds(instances);
  resolveArgumentReferences(instances);

  const apis = buildApis({ instances, format: "terraform-plan", files: [entry.path], region: context.region, fileOf: () => entry.path });
  const gaps = apis.length === 0 ? [{ message: `${entry.path}: the plan has no aws_api_gateway_* resources` }] : [];
  return { ok: true, apis, gaps };
}

const MAX_MODULE_DEPTH = 32;

/** A module call's input expressions, relative to the calling module (`parent`). */
interface ModuleCall {
  parent: string;
  expressions: Json;
}

function collectConfiguration(
  module: unknown,
  prefix: string,
  out: Map<string, { module: string; expressions: Json }>,
  calls: Map<string, ModuleCall>,
  depth: number,
): void {
  if (!isObject(module) || depth > MAX_MODULE_DEPTH) return;
  for (const r of Array.isArray(module.resources) ? module.resources : []) {
    if (isObject(r) && typeof r.address === "string" && isObject(r.expressions))
      out.set(prefix + r.address, { module: prefix, expressions: r.expressions });
  }
  if (isObject(module.module_calls)) {
    for (const [name, call] of Object.entries(module.module_calls)) {
      if (!isObject(call)) continue;
      const childPrefix = `${prefix}module.${name}.`;
      calls.set(childPrefix, { parent: prefix, expressions: isObject(call.expressions) ? call.expressions : {} });
      collectConfiguration(call.module, childPrefix, out, calls, depth + 1);
    }
  }
}

function firstReference(expression: unknown): string | undefined {
  const references = isObject(expression) && Array.isArray(expression.references) ? expression.references : [];
  return references.find((x): x is string => typeof x === "string" && x.includes("."));
}

/** `aws_api_gateway_method.get[0]` → `aws_api_gateway_method.get`, and `module.a["x"].aws_…` → `module.a.aws_…` (configuration addresses carry no instance keys). */
function configAddress(address: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === '"' && depth > 0) inString = true;
    else if (depth === 0) out += c;
  }
  return out;
}

function toValue(v: unknown): TfValue {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (isObject(v)) {
    const out = newTfObject();
    for (const [k, x] of Object.entries(v)) out[k] = toValue(x);
    return out;
  }
  return null;
}

function collectPlanned(
  doc: TemplateDocument,
  module: unknown,
  path: ValuePath,
  out: TfResourceInstance[],
  unknownByAddress: Map<string, Json>,
  expressionsByAddress: Map<string, { module: string; expressions: Json }>,
  moduleCalls: Map<string, ModuleCall>,
  depth: number,
): void {
  if (!isObject(module) || depth > MAX_MODULE_DEPTH) return;
  const resources = Array.isArray(module.resources) ? module.resources : [];
  resources.forEach((r, i) => {
    if (
      !isObject(r) ||
      r.mode !== "managed" ||
      typeof r.type !== "string" ||
      typeof r.address !== "string" ||
      !(API_GATEWAY_TYPES.has(r.type) || WEB_ACL_ASSOCIATION_TYPES.has(r.type))
    )
      return;
    const at = [...path, "resources", i];
    const values: TfObject = isObject(r.values) ? (toValue(r.values) as TfObject) : newTfObject();
    const unknown = unknownByAddress.get(r.address) ?? {};
    const config = expressionsByAddress.get(configAddress(r.address));
    for (const attribute of REFERENCE_ATTRIBUTES) {
      const known = values[attribute];
      if (known !== undefined && known !== null && unknown[attribute] !== true) continue;
      const first = firstReference(config?.expressions[attribute]);
      if (first !== undefined) values[attribute] = referenceValue(first, config?.module ?? "", moduleCalls);
      else if (unknown[attribute] === true)
        values[attribute] = new TfUnknown(`${r.address}.${attribute} is only known after apply`, `\${${r.address}.${attribute}}`);
    }
    const attributeNodes: Record<string, HclLocated> = {};
    for (const key of Object.keys(values))
      attributeNodes[key] = { source: new FixedSource(doc.positionOf([...at, "values", key]), ""), start: 0 };
    out.push({ address: r.address, type: r.type, values, notes: {}, position: doc.positionOf(at), attributeNodes });
  });
  const children = Array.isArray(module.child_modules) ? module.child_modules : [];
  children.forEach((child, i) =>
    collectPlanned(doc, child, [...path, "child_modules", i], out, unknownByAddress, expressionsByAddress, moduleCalls, depth + 1),
  );
}

/**
 * `aws_api_gateway_rest_api.api.id` in module `module.m.` → a reference to `module.m.aws_api_gateway_rest_api.api`'s
 * id. `var.x` inside a module follows the module call's input expression into the calling module.
 */
function referenceValue(reference: string, modulePrefix: string, calls: Map<string, ModuleCall>, depth = 0): TfValue {
  const root = reference.split(".")[0] ?? "";
  const call = calls.get(modulePrefix);
  if (root === "var" && call && depth <= MAX_MODULE_DEPTH) {
    const outer = firstReference(call.expressions[reference.split(".")[1] ?? ""]);
    if (outer !== undefined) return referenceValue(outer, call.parent, calls, depth + 1);
  }
  if (["var", "local", "module", "data", "each", "count", "path", "terraform"].includes(root) || !reference.startsWith("aws_")) {
    return new TfUnknown(`${reference} is only known after apply`, `\${${reference}}`);
  }
  const cut = reference.lastIndexOf(".");
  const address = reference.slice(0, cut);
  // A reference to the whole resource (no attribute) has exactly one dot: type.name.
  if (address.split(".").length < 2) return new TfUnknown(`${reference} is only known after apply`, `\${${reference}}`);
  return new TfRef(modulePrefix + address, reference.slice(cut + 1));
}

/**
 * Resources that already exist have known ids in the plan, and their dependants hold those ids as plain strings:
 * turn them back into references so elements meet their API, resource and authorizer.
 */
function linkKnownIds(instances: TfResourceInstance[]): void {
  const byId = new Map<string, TfRef>();
  for (const i of instances) {
    const id = i.values.id;
    if (typeof id === "string" && id !== "") byId.set(id, new TfRef(i.address, "id"));
    const root = i.values.root_resource_id;
    if (i.type === "aws_api_gateway_rest_api" && typeof root === "string" && root !== "")
      byId.set(root, new TfRef(i.address, "root_resource_id"));
  }
  for (const i of instances) {
    for (const attribute of ["rest_api_id", "parent_id", "resource_id", "authorizer_id", "deployment_id"]) {
      const v = i.values[attribute];
      if (typeof v === "string" && byId.has(v) && !(attribute === "rest_api_id" && byId.get(v)?.attribute !== "id"))
        i.values[attribute] = byId.get(v) as TfRef;
    }
  }
}

/**
 * A reference to another resource's argument (`aws_api_gateway_stage.prod.stage_name`) whose planned value is known
 * is that value, as Terraform would evaluate it; ids stay references.
 */
function resolveArgumentReferences(instances: TfResourceInstance[]): void {
  const byAddress = new Map(instances.map((i) => [i.address, i]));
  for (const i of instances) {
    for (const [attribute, v] of Object.entries(i.values)) {
      if (!(v instanceof TfRef) || v.attribute === "id" || v.attribute === "root_resource_id") continue;
      const target = byAddress.get(v.address)?.values[v.attribute];
      if (typeof target === "string" || typeof target === "number" || typeof target === "boolean") i.values[attribute] = target;
    }
  }
}
