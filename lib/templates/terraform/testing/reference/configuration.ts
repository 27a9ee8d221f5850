/**
 * Test support: the Terraform reader's implementation before the speed rewrite (main at 29ed0d8), kept unchanged as
 * the oracle the differential tests compare the current one with (reference.test.ts). Not used by the reader.
 */
/**
 * One Terraform module directory, evaluated statically: its `variable` defaults (overridden by `terraform.tfvars`
 * and `*.auto.tfvars`, which Terraform loads automatically:
 * https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files),
 * `locals`, and every `aws_api_gateway_*` resource expanded by `count`/`for_each` where those are static.
 * Module calls are not followed (module-local reading); what cannot be resolved becomes a gap.
 */
import type { SourcePosition, TemplateGap } from "@/lib/templates/types";
import type { HclBlock, HclBody, HclExpr } from "./hcl-ast";
import { attributeOf } from "./hcl-ast";
import { evaluate, type EvalScope } from "./evaluate";
import { isKnown, isTfObject, newTfObject, TfRef, TfUnknown, type TfObject, type TfValue } from "@/lib/templates/terraform/values";

export interface ParsedFile {
  file: string;
  body: HclBody;
}

/** One resource instance with its arguments evaluated; shared with the plan reader. */
export interface TfResourceInstance {
  address: string;
  type: string;
  values: TfObject;
  /** Per argument: variables whose default or tfvars value was used, said in the report. */
  notes: Record<string, string[]>;
  position: SourcePosition;
  attributePositions: Record<string, SourcePosition>;
}

export interface TfConfiguration {
  resources: TfResourceInstance[];
  gaps: TemplateGap[];
}

/** Instances per resource beyond this are not expanded (a generated count of 10,000 is not an API definition). */
const MAX_INSTANCES = 1000;
const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "provider", "lifecycle", "triggers"]);
const META_BLOCKS = new Set(["lifecycle", "provisioner", "connection"]);

interface Declared {
  block: HclBlock;
  /** Instance keys when count/for_each are static; undefined means one instance at the bare address. */
  keys?: Array<{ key: number | string; each?: { key: TfValue; value: TfValue } }>;
}

export function evaluateConfiguration(
  files: ParsedFile[],
  tfvars: ParsedFile[],
  readFile: (path: string) => TfValue,
  isRelevant: (resourceType: string) => boolean,
): TfConfiguration {
  const gaps: TemplateGap[] = [];
  const variables = new Map<string, HclBlock>();
  const locals = new Map<string, HclExpr>();
  const declared = new Map<string, Declared>();
  for (const { body } of files) {
    for (const block of body.blocks) {
      const [first, second] = block.labels;
      if (block.type === "variable" && first !== undefined) variables.set(first, block);
      else if (block.type === "locals") for (const a of block.body.attributes) locals.set(a.name, a.expr);
      else if (block.type === "resource" && first !== undefined && second !== undefined) declared.set(`${first}.${second}`, { block });
      else if (block.type === "module" && first !== undefined) {
        const source = attributeOf(block.body, "source")?.expr.text ?? "?";
        gaps.push({
          message: `module "${first}" (source ${source}) is not read: only this directory's own resources are; audit that module's directory or a terraform plan`,
          position: block.position,
        });
      }
    }
  }
  const tfvarValues = new Map<string, { expr: HclExpr; file: string }>();
  for (const { file, body } of tfvars) for (const a of body.attributes) tfvarValues.set(a.name, { expr: a.expr, file });

  // Each variable, local and resource argument is evaluated once (with the notes it produced): no blow-up on
  // chains of references, and a cycle is detected instead of recursed into.
  const memo = new Map<string, { value: TfValue; notes: string[] }>();
  const inProgress: string[] = [];
  const guarded = (key: string, compute: (notes: string[]) => TfValue, text: string, notes: string[]): TfValue => {
    const cached = memo.get(key);
    if (cached) {
      notes.push(...cached.notes);
      return cached.value;
    }
    if (inProgress.includes(key)) {
      const cycle = [...inProgress.slice(inProgress.indexOf(key)), key].join(" → ");
      return new TfUnknown(`reference cycle: ${cycle}`, `\${${text}}`);
    }
    inProgress.push(key);
    try {
      const own: string[] = [];
      const value = compute(own);
      memo.set(key, { value, notes: own });
      notes.push(...own);
      return value;
    } finally {
      inProgress.pop();
    }
  };

  const baseScope = (each?: { key: TfValue; value: TfValue }, count?: number): EvalScope => {
    const scope: EvalScope = {
      variable(name, notes) {
        const fromFile = tfvarValues.get(name);
        if (fromFile) {
          const v = guarded(`var.${name}`, () => evaluate(fromFile.expr, baseScope(), []), `var.${name}`, []);
          notes.push(`var.${name} is read from ${fromFile.file}`);
          return v;
        }
        const block = variables.get(name);
        if (!block) return new TfUnknown(`var.${name} is not declared in this directory`, `\${var.${name}}`);
        const fallback = attributeOf(block.body, "default");
        if (!fallback) {
          return new TfUnknown(`var.${name} has no default: its value is given when the module is called or applied`, `\${var.${name}}`);
        }
        const v = guarded(`var.${name}`, () => evaluate(fallback.expr, baseScope(), []), `var.${name}`, []);
        notes.push(`var.${name} is read with its default ${fallback.expr.text} (a -var, tfvars file or module call may change it)`);
        return v;
      },
      local(name, notes) {
        const expr = locals.get(name);
        if (!expr) return new TfUnknown(`local.${name} is not defined in this directory`, `\${local.${name}}`);
        return guarded(`local.${name}`, (own) => evaluate(expr, baseScope(), own), `local.${name}`, notes);
      },
      resource(type, name, key, attribute, notes) {
        const base = `${type}.${name}`;
        const target = declared.get(base);
        const address = instanceAddress(base, target, key);
        if (attribute === undefined) return new TfUnknown(`the whole object ${base} is only known after apply`, `\${${base}}`);
        if (!target || attribute === "id") return new TfRef(address, attribute);
        const argument = attributeOf(target.block.body, attribute);
        if (!argument) return new TfRef(address, attribute);
        const instance = target.keys?.find((k) => String(k.key) === String(key));
        return guarded(
          `${address}.${attribute}`,
          (own) =>
            evaluate(
              argument.expr,
              baseScope(instance?.each, typeof instance?.key === "number" && !instance.each ? instance.key : undefined),
              own,
            ),
          `${address}.${attribute}`,
          notes,
        );
      },
      readFile,
    };
    if (count !== undefined) scope.count = count;
    if (each !== undefined) scope.each = each;
    return scope;
  };

  // Expand count/for_each first: references to instances need the keys.
  for (const [address, entry] of declared) {
    const [type] = address.split(".");
    if (!type || !isRelevant(type)) continue;
    const body = entry.block.body;
    const count = attributeOf(body, "count");
    const forEach = attributeOf(body, "for_each");
    if (count) {
      const n = evaluate(count.expr, baseScope(), []);
      if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_INSTANCES)
        entry.keys = Array.from({ length: n }, (_, i) => ({ key: i }));
      else
        gaps.push({
          message: `count of ${address} could not be resolved statically (${reasonOf(n, count.expr)}); read as one instance`,
          position: count.position,
        });
    } else if (forEach) {
      const v = evaluate(forEach.expr, baseScope(), []);
      if (isTfObject(v) && Object.keys(v).length <= MAX_INSTANCES)
        entry.keys = Object.entries(v).map(([k, value]) => ({ key: k, each: { key: k, value } }));
      else if (Array.isArray(v) && isKnown(v) && v.every((i) => typeof i === "string") && v.length <= MAX_INSTANCES) {
        entry.keys = (v as string[]).map((k) => ({ key: k, each: { key: k, value: k } }));
      } else
        gaps.push({
          message: `for_each of ${address} could not be resolved statically (${reasonOf(v, forEach.expr)}); read as one instance`,
          position: forEach.position,
        });
    }
  }

  const resources: TfResourceInstance[] = [];
  for (const [address, entry] of declared) {
    const [type] = address.split(".");
    if (!type || !isRelevant(type)) continue;
    const instances = entry.keys ?? [undefined];
    for (const instance of instances) {
      const scope = baseScope(instance?.each, instance && !instance.each && typeof instance.key === "number" ? instance.key : undefined);
      const instanceAddr = instance === undefined ? address : instanceAddress(address, entry, instance.key);
      const notes: Record<string, string[]> = {};
      const attributePositions: Record<string, SourcePosition> = {};
      const values = evaluateBody(entry.block.body, scope, notes, attributePositions, (message, position) =>
        gaps.push({ message: `${message} in ${instanceAddr}`, position }),
      );
      resources.push({ address: instanceAddr, type, values, notes, position: entry.block.position, attributePositions });
    }
  }
  return { resources, gaps };
}

function reasonOf(value: TfValue, expr: HclExpr): string {
  return value instanceof TfUnknown ? value.reason : `${expr.text} is not a static number or collection`;
}

function instanceAddress(base: string, target: Declared | undefined, key: TfValue | undefined): string {
  if (key === undefined || (target && !target.keys)) return base;
  return typeof key === "number"
    ? `${base}[${key}]`
    : `${base}[${JSON.stringify(key instanceof TfRef || key instanceof TfUnknown ? key.text : key)}]`;
}

/** Arguments and nested blocks of a resource body; nested blocks become lists of objects, as in the plan JSON. */
function evaluateBody(
  body: HclBody,
  scope: EvalScope,
  notes: Record<string, string[]>,
  positions: Record<string, SourcePosition>,
  gap: (message: string, position: SourcePosition) => void,
  prefix = "",
): TfObject {
  const out = newTfObject();
  for (const attribute of body.attributes) {
    if (!prefix && META_ARGUMENTS.has(attribute.name)) continue;
    const used: string[] = [];
    out[attribute.name] = evaluate(attribute.expr, scope, used);
    positions[prefix + attribute.name] = attribute.position;
    if (used.length > 0) notes[prefix + attribute.name] = used;
  }
  for (const block of body.blocks) {
    if (META_BLOCKS.has(block.type)) continue;
    if (block.type === "dynamic") {
      gap(`dynamic block "${block.labels[0] ?? "?"}" is not expanded statically`, block.position);
      continue;
    }
    const list = (out[block.type] as TfValue[] | undefined) ?? [];
    positions[prefix + block.type] ??= block.position;
    list.push(evaluateBody(block.body, scope, notes, positions, gap, `${prefix}${block.type}.`));
    out[block.type] = list;
  }
  return out;
}
