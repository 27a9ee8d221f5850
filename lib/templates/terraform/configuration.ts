/**
 * One Terraform module directory, evaluated statically: its `variable` defaults (overridden by `terraform.tfvars`
 * and `*.auto.tfvars`, which Terraform loads automatically:
 * https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files),
 * `locals`, and every `aws_api_gateway_*` resource expanded by `count`/`for_each` where those are static.
 * Module calls are not followed (module-local reading); what cannot be resolved becomes a gap.
 */
import type { SourcePosition, TemplateGap } from "@/lib/templates/types";
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclLocated } from "./hcl-ast";
import { attributeOf, positionOf, textOf } from "./hcl-ast";
import { evaluate, type EvalScope } from "./evaluate";
import { isKnown, isTfObject, newTfObject, TfRef, TfUnknown, type TfObject, type TfValue } from "./values";

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
  /**
   * Per argument and nested block (`settings.caching_enabled`): its syntax node. A few of them become a finding's or
   * gap's position, so a configuration's instance leaves this undefined and keeps its `body`, which `attributeNode`
   * reads into these on first use (a record filled for every argument of every instance cost more than all of those).
   */
  attributeNodes: Record<string, HclLocated> | undefined;
  /** The resource's syntax, when `attributeNodes` is read from it on first use. */
  body?: HclBody;
}

/** The syntax node of `key` (`stage_name`, `settings.caching_enabled`) in `instance`. */
export function attributeNode(instance: TfResourceInstance, key: string): HclLocated | undefined {
  return attributeNodesOf(instance)[key];
}

/** `instance.attributeNodes`, read from its body on first use, keyed as `evaluateBody` keys its notes. */
export function attributeNodesOf(instance: TfResourceInstance): Record<string, HclLocated> {
  if (instance.attributeNodes === undefined) {
    const nodes: Record<string, HclLocated> = {};
    if (instance.body) nodesOf(instance.body, nodes, "");
    instance.attributeNodes = nodes;
  }
  return instance.attributeNodes;
}

/** The attributes and blocks `evaluateBody` evaluates, by the key it gives their values' notes. */
function nodesOf(body: HclBody, nodes: Record<string, HclLocated>, prefix: string): void {
  for (const attribute of body.attributes) {
    if (!prefix && META_ARGUMENTS.has(attribute.name)) continue;
    nodes[prefix + attribute.name] = attribute;
  }
  for (const block of body.blocks) {
    if (META_BLOCKS.has(block.type) || block.type === "dynamic") continue;
    nodes[prefix + block.type] ??= block;
    nodesOf(block.body, nodes, `${prefix}${block.type}.`);
  }
}

export interface TfConfiguration {
  resources: TfResourceInstance[];
  gaps: TemplateGap[];
}

/** Instances per resource beyond this are not expanded (a generated count of 10,000 is not an API definition). */
const MAX_INSTANCES = 1000;
const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "provider", "lifecycle", "triggers"]);
const META_BLOCKS = new Set(["lifecycle", "provisioner", "connection"]);

/** One memoised variable, local or resource argument; `${owner}.${key}` names it in a cycle message. */
interface Memo {
  owner: string;
  key: string;
  computing: boolean;
  value: TfValue;
  notes: string[];
}

/** One instance of a counted or for_each resource; its scope and memos are made on first use. */
interface Instance {
  key: number | string;
  each?: { key: TfValue; value: TfValue };
  scope?: EvalScope;
}

/**
 * A resource block, indexed once: references to it are resolved through this (its arguments by name, its instances by
 * key, its evaluated arguments), never by scanning the configuration again.
 */
interface Declared {
  block: HclBlock;
  address: string;
  /** Where its address was first declared in the configuration (the order instances are read in). */
  index: number;
  /** The address up to its first dot, as every resource type is read (labels may hold dots). */
  type: string;
  /**
   * Its first `count` and `for_each` arguments, found as it is declared: the declaring pass reads the block's syntax
   * anyway, where a later pass of its own over every block's arguments found them out of cache again.
   */
  count: HclAttribute | undefined;
  forEach: HclAttribute | undefined;
  /** Instances when count/for_each are static; undefined means one instance at the bare address. */
  keys?: Instance[];
  /** `String(key)` → the first instance with that key (how a reference's key selects an instance). */
  byKey?: Map<string, Instance>;
  /** Arguments by name (the first of a name), made on the first reference that needs one. */
  arguments?: Map<string, HclAttribute>;
  /** Evaluated arguments at each instance address used by a reference (at the bare address: `argumentMemo`). */
  instanceMemo?: Map<string, Map<string, Memo>>;
  /** `address.id`, shared: references to a resource's id are the commonest. */
  idRef?: TfRef;
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
  // Each address once, where it was first declared; a later block at the same address replaces the entry in place.
  const declared: Declared[] = [];
  // Resources whose type or name holds a dot, by address; the others only by type and name (no address string hashed).
  const dotted = new Map<string, Declared>();
  const byType = new Map<string, Map<string, Declared>>();
  for (const { body } of files) {
    for (const block of body.blocks) {
      const first = block.labels[0];
      const second = block.labels[1];
      if (block.type === "variable" && first !== undefined) variables.set(first, block);
      else if (block.type === "locals") for (const a of block.body.attributes) locals.set(a.name, a.expr);
      else if (block.type === "resource" && first !== undefined && second !== undefined) {
        const address = `${first}.${second}`;
        const dot = first.indexOf(".");
        let count: HclAttribute | undefined;
        let forEach: HclAttribute | undefined;
        for (const a of block.body.attributes) {
          if (a.name === "count") count ??= a;
          else if (a.name === "for_each") forEach ??= a;
        }
        const type = dot === -1 ? first : first.slice(0, dot);
        const entry: Declared = { block, address, type, index: declared.length, count, forEach };
        // Indexed by type and name for references, which are always both without dots; others only by address. An
        // address with one dot never equals one with two, so the two indexes never hold the same address.
        let earlier: Declared | undefined;
        if (dot === -1 && !second.includes(".")) {
          let names = byType.get(first);
          if (!names) byType.set(first, (names = new Map()));
          earlier = names.get(second);
          names.set(second, entry);
        } else {
          earlier = dotted.get(address);
          dotted.set(address, entry);
        }
        if (earlier) declared[(entry.index = earlier.index)] = entry;
        else declared.push(entry);
      } else if (block.type === "module" && first !== undefined) {
        const sourceAttribute = attributeOf(block.body, "source");
        const source = sourceAttribute ? textOf(sourceAttribute.expr) : "?";
        gaps.push({
          message: `module "${first}" (source ${source}) is not read: only this directory's own resources are; audit that module's directory or a terraform plan`,
          position: positionOf(block),
        });
      }
    }
  }
  const tfvarValues = new Map<string, { expr: HclExpr; file: string }>();
  for (const { file, body } of tfvars) for (const a of body.attributes) tfvarValues.set(a.name, { expr: a.expr, file });
  const context = new Evaluation(dotted, byType, variables, locals, tfvarValues, readFile);

  // Expand count/for_each first: references to instances need the keys.
  const relevant: Declared[] = [];
  for (const entry of declared) {
    if (!entry.type || !isRelevant(entry.type)) continue;
    relevant.push(entry);
    const { count, forEach } = entry;
    if (count) {
      const n = evaluate(count.expr, context.base, []);
      if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_INSTANCES)
        setKeys(
          entry,
          Array.from({ length: n }, (_, i) => ({ key: i })),
        );
      else
        gaps.push({
          message: `count of ${entry.address} could not be resolved statically (${reasonOf(n, count.expr)}); read as one instance`,
          position: positionOf(count),
        });
    } else if (forEach) {
      const v = evaluate(forEach.expr, context.base, []);
      if (isTfObject(v) && Object.keys(v).length <= MAX_INSTANCES)
        setKeys(
          entry,
          Object.entries(v).map(([k, value]) => ({ key: k, each: { key: k, value } })),
        );
      else if (Array.isArray(v) && isKnown(v) && v.every((i) => typeof i === "string") && v.length <= MAX_INSTANCES) {
        setKeys(
          entry,
          (v as string[]).map((k) => ({ key: k, each: { key: k, value: k } })),
        );
      } else
        gaps.push({
          message: `for_each of ${entry.address} could not be resolved statically (${reasonOf(v, forEach.expr)}); read as one instance`,
          position: positionOf(forEach),
        });
    }
  }

  const resources: TfResourceInstance[] = [];
  const reading: BodyReading = { notes: undefined, gaps, address: "" };
  for (const entry of relevant) {
    const instances = entry.keys ?? ONE_INSTANCE;
    const body = entry.block.body;
    for (let i = 0; i < instances.length; i++) {
      const instance = instances[i];
      const scope = instance === undefined ? context.base : context.instanceScope(instance);
      const address = instance === undefined ? entry.address : instanceAddress(entry.address, entry, instance.key);
      reading.notes = undefined;
      reading.address = address;
      const values = evaluateBody(body, scope, reading, "");
      const notes = reading.notes ?? NO_NOTES;
      resources.push({ address, type: entry.type, values, notes, position: positionOf(entry.block), attributeNodes: undefined, body });
    }
  }
  return { resources, gaps };
}

/** The instances of a resource without count or for_each: one, at its bare address. */
const ONE_INSTANCE: readonly undefined[] = [undefined];

/** Instances whose values used no variable default (most): one frozen record for all. */
const NO_NOTES: Record<string, string[]> = Object.freeze({}) as Record<string, string[]>;

/** What `evaluateBody` gathers for the instance being read; one object serves every instance in turn. */
interface BodyReading {
  /** Made at the first argument with notes. */
  notes: Record<string, string[]> | undefined;
  gaps: TemplateGap[];
  /** The instance's address, which its gaps name. */
  address: string;
}

function setKeys(entry: Declared, keys: Instance[]): void {
  entry.keys = keys;
  const byKey = new Map<string, Instance>();
  for (const instance of keys) {
    const key = String(instance.key);
    if (!byKey.has(key)) byKey.set(key, instance);
  }
  entry.byKey = byKey;
}

/** A scope: what `var.*`, `local.*`, resource references and `file()` read, with this instance's `count` or `each`. */
class Scope implements EvalScope {
  constructor(
    private readonly evaluation: Evaluation,
    readonly count: number | undefined,
    readonly each: { key: TfValue; value: TfValue } | undefined,
  ) {}

  variable(name: string, notes: string[]): TfValue {
    return this.evaluation.variable(name, notes);
  }

  local(name: string, notes: string[]): TfValue {
    return this.evaluation.local(name, notes);
  }

  resource(type: string, name: string, key: TfValue | undefined, attribute: string | undefined, notes: string[]): TfValue {
    return this.evaluation.resource(type, name, key, attribute, notes);
  }

  readFile(path: string): TfValue {
    return this.evaluation.readFile(path);
  }
}

/**
 * The module's values, each evaluated once (with the notes it produced): no blow-up on chains of references, and a
 * cycle is detected instead of recursed into. Resources are found by type and name in an index, not by address text.
 */
class Evaluation {
  readonly base: Scope;
  private readonly variableMemo = new Map<string, Memo>();
  private readonly localMemo = new Map<string, Memo>();
  private readonly inProgress: Memo[] = [];
  /** Evaluated resource arguments at their bare address, by argument: one map rather than one per resource. */
  private readonly argumentMemo = new Map<HclAttribute, Memo>();

  constructor(
    /** Resources with a dot in their type or name, by address. */
    private readonly dotted: Map<string, Declared>,
    /** type → name → resource, for labels without dots (every reference's shape); others by address. */
    private readonly byType: Map<string, Map<string, Declared>>,
    private readonly variables: Map<string, HclBlock>,
    private readonly locals: Map<string, HclExpr>,
    private readonly tfvarValues: Map<string, { expr: HclExpr; file: string }>,
    readonly readFile: (path: string) => TfValue,
  ) {
    this.base = new Scope(this, undefined, undefined);
  }

  instanceScope(instance: Instance): EvalScope {
    return (instance.scope ??= new Scope(
      this,
      !instance.each && typeof instance.key === "number" ? instance.key : undefined,
      instance.each,
    ));
  }

  /** `expr` evaluated once in `scope` for `memo`; its notes are pushed to `notes` at each use. */
  private guarded(memo: Memo, expr: HclExpr, scope: EvalScope, notes: string[]): TfValue {
    if (memo.computing) {
      const from = this.inProgress.indexOf(memo);
      const cycle = [...this.inProgress.slice(from).map(labelOf), labelOf(memo)].join(" → ");
      return new TfUnknown(`reference cycle: ${cycle}`, `\${${labelOf(memo)}}`);
    }
    if (memo.notes !== UNSET) {
      for (const note of memo.notes) notes.push(note);
      return memo.value;
    }
    memo.computing = true;
    this.inProgress.push(memo);
    try {
      // The notes go to the caller as they come; the memo keeps a copy of them (most have none).
      const from = notes.length;
      const value = evaluate(expr, scope, notes);
      memo.value = value;
      memo.notes = notes.length > from ? notes.slice(from) : NONE;
      return value;
    } finally {
      memo.computing = false;
      this.inProgress.pop();
    }
  }

  /** The memo of `key` in `map`, named `${owner}.${key}`. */
  private memoOf(map: Map<string, Memo>, owner: string, key: string): Memo {
    let memo = map.get(key);
    if (!memo) map.set(key, (memo = { owner, key, computing: false, value: null, notes: UNSET }));
    return memo;
  }

  variable(name: string, notes: string[]): TfValue {
    const fromFile = this.tfvarValues.get(name);
    if (fromFile) {
      // A variable's own notes are not passed on: the note below says where its value came from.
      const v = this.guarded(this.memoOf(this.variableMemo, "var", name), fromFile.expr, this.base, []);
      notes.push(`var.${name} is read from ${fromFile.file}`);
      return v;
    }
    const block = this.variables.get(name);
    if (!block) return new TfUnknown(`var.${name} is not declared in this directory`, `\${var.${name}}`);
    const fallback = attributeOf(block.body, "default");
    if (!fallback) {
      return new TfUnknown(`var.${name} has no default: its value is given when the module is called or applied`, `\${var.${name}}`);
    }
    const v = this.guarded(this.memoOf(this.variableMemo, "var", name), fallback.expr, this.base, []);
    notes.push(`var.${name} is read with its default ${textOf(fallback.expr)} (a -var, tfvars file or module call may change it)`);
    return v;
  }

  local(name: string, notes: string[]): TfValue {
    const expr = this.locals.get(name);
    if (!expr) return new TfUnknown(`local.${name} is not defined in this directory`, `\${local.${name}}`);
    return this.guarded(this.memoOf(this.localMemo, "local", name), expr, this.base, notes);
  }

  private find(type: string, name: string): Declared | undefined {
    // Most configurations declare no dotted label: no scan of the reference's names for one then.
    if (this.dotted.size > 0 && (type.includes(".") || name.includes("."))) return this.dotted.get(`${type}.${name}`);
    return this.byType.get(type)?.get(name);
  }

  resource(type: string, name: string, key: TfValue | undefined, attribute: string | undefined, notes: string[]): TfValue {
    const target = this.find(type, name);
    const base = target ? target.address : `${type}.${name}`;
    if (attribute === undefined) return new TfUnknown(`the whole object ${base} is only known after apply`, `\${${base}}`);
    const address = instanceAddress(base, target, key);
    if (!target) return new TfRef(address, attribute);
    if (attribute === "id") return address === base ? (target.idRef ??= new TfRef(base, "id")) : new TfRef(address, "id");
    const argument = argumentOf(target, attribute);
    if (!argument) return new TfRef(address, attribute);
    // A literal (`http_method = "GET"`, the commonest argument referred to) has no notes and no cycle: no memo for it.
    if (argument.expr.kind === "literal") return argument.expr.value;
    // As a reference selects an instance: by its key's string form (count index 0 and for_each key "0" alike).
    const instance = target.keys && target.keys.length > 0 ? target.byKey?.get(String(key)) : undefined;
    const scope = instance ? this.instanceScope(instance) : this.base;
    let memo: Memo | undefined;
    if (address === base) {
      memo = this.argumentMemo.get(argument);
      if (!memo) this.argumentMemo.set(argument, (memo = { owner: address, key: attribute, computing: false, value: null, notes: UNSET }));
    } else {
      const byAddress = (target.instanceMemo ??= new Map());
      let memos = byAddress.get(address);
      if (!memos) byAddress.set(address, (memos = new Map()));
      memo = this.memoOf(memos, address, attribute);
    }
    return this.guarded(memo, argument.expr, scope, notes);
  }
}

function labelOf(memo: Memo): string {
  return `${memo.owner}.${memo.key}`;
}

/** Marks a memo not yet computed (its notes are only set once its value is). */
const UNSET: string[] = [];
/** The notes of a memo whose value used no default. */
const NONE: string[] = [];

/** Bodies with more arguments than this get a map of them on first use; others are scanned (attributeOf). */
const SCAN_ARGUMENTS = 16;

function argumentOf(target: Declared, name: string): HclAttribute | undefined {
  const attributes = target.block.body.attributes;
  // The first argument of that name, either way (HCL forbids a second; the parsers refuse one).
  if (attributes.length <= SCAN_ARGUMENTS) return attributeOf(target.block.body, name);
  if (!target.arguments) {
    const byName = new Map<string, HclAttribute>();
    for (const a of target.block.body.attributes) if (!byName.has(a.name)) byName.set(a.name, a);
    target.arguments = byName;
  }
  return target.arguments.get(name);
}

function reasonOf(value: TfValue, expr: HclExpr): string {
  return value instanceof TfUnknown ? value.reason : `${textOf(expr)} is not a static number or collection`;
}

function instanceAddress(base: string, target: Declared | undefined, key: TfValue | undefined): string {
  if (key === undefined || (target && !target.keys)) return base;
  return typeof key === "number"
    ? `${base}[${key}]`
    : `${base}[${JSON.stringify(key instanceof TfRef || key instanceof TfUnknown ? key.text : key)}]`;
}

/**
 * The notes of the argument being evaluated, copied out when there are any (most arguments have none): one array for
 * all of them. evaluateBody is the only user, and evaluating an argument never evaluates a body.
 */
const USED: string[] = [];

/**
 * Arguments and nested blocks of a resource body; nested blocks become lists of objects, as in the plan JSON. Their
 * syntax nodes are found again by `nodesOf` when asked for (`attributeNode`).
 */
function evaluateBody(body: HclBody, scope: EvalScope, reading: BodyReading, prefix: string): TfObject {
  const out = newTfObject();
  // Indexed loops: `for…of` over the parsers' shared frozen empty list (most bodies' blocks) made an iterator and a
  // result object each time (about 0.3 MB per read of the 1,000-resource configuration).
  const attributes = body.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (!prefix && META_ARGUMENTS.has(attribute.name)) continue;
    const used = USED;
    // Emptied only when it holds notes: setting an array's length is a runtime call (a tenth of this loop, per argument).
    if (used.length > 0) used.length = 0;
    out[attribute.name] = evaluate(attribute.expr, scope, used);
    if (used.length > 0) (reading.notes ??= {})[prefix + attribute.name] = used.slice();
  }
  const blocks = body.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (META_BLOCKS.has(block.type)) continue;
    if (block.type === "dynamic") {
      reading.gaps.push({
        message: `dynamic block "${block.labels[0] ?? "?"}" is not expanded statically in ${reading.address}`,
        position: positionOf(block),
      });
      continue;
    }
    const list = (out[block.type] as TfValue[] | undefined) ?? [];
    list.push(evaluateBody(block.body, scope, reading, `${prefix}${block.type}.`));
    out[block.type] = list;
  }
  return out;
}
