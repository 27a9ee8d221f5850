/**
 * Resolution of CloudFormation intrinsic functions over a parsed template, in one variant (one assumed value per
 * condition). Values only deploy time knows become placeholders that keep their structure (see placeholders.ts).
 * Anything that cannot be resolved becomes a labelled gap and `undefined`: never a throw, never a hang (depth and
 * work are bounded, conditions that refer to each other in a cycle are caught).
 *
 * Usage (the SAM reader does the same):
 *   const resolver = new IntrinsicResolver(templateSections(document.value), { region, assumptions, document });
 *   const value = resolver.resolve(rawValue, ["Resources", "MyApi", "Properties", "Name"]);
 *   resolver.gaps        // what could not be resolved, with positions
 *   resolver.unassigned  // conditions met that `assumptions` did not fix (see exploreVariants in variants.ts)
 *
 * Functions: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import type { TemplateDocument, ValuePath } from "@/lib/templates/document";
import type { TemplateGap } from "@/lib/templates/types";
import {
  ACCOUNT_PLACEHOLDER,
  getAttPlaceholder,
  parameterPlaceholder,
  partitionOf,
  physicalIdPlaceholder,
  urlSuffixOf,
} from "@/lib/templates/cloudformation/placeholders";
import { splitSub } from "@/lib/templates/cloudformation/sub-syntax";
import { setOwn } from "@/lib/model/set-own";
import { setOwnKey } from "@/lib/templates/index-keys";
import { plainSubtree } from "@/lib/templates/plain-subtrees";

/** `Ref: AWS::NoValue`: the enclosing property (or list item) is removed, as CloudFormation does. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

/**
 * A deep copy of a resolved value (plain objects, lists and scalars, as `resolve` returns them): what `resolve` would
 * have returned for a value `resolveShared` returned, for a caller that edits it. Iterative (a deep value cannot
 * exhaust the stack); a value reached twice (a YAML alias) is copied twice, as `resolve` does.
 */
export function copyResolved(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: Array<[unknown, unknown]> = [[value, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [unknown, unknown];
    if (Array.isArray(from)) {
      const list = to as unknown[];
      for (const item of from) {
        if (item === null || typeof item !== "object") list.push(item);
        else {
          const copy: unknown = Array.isArray(item) ? [] : {};
          list.push(copy);
          stack.push([item, copy]);
        }
      }
      continue;
    }
    const record = from as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (item === null || typeof item !== "object") setOwnKey(to as Record<string, unknown>, key, item);
      else {
        const copy: unknown = Array.isArray(item) ? [] : {};
        setOwnKey(to as Record<string, unknown>, key, copy);
        stack.push([item, copy]);
      }
    }
  }
  return root;
}

/** The sections of a template intrinsics read. Missing sections are empty. */
export interface CfnTemplateSections {
  Parameters: Record<string, unknown>;
  Mappings: Record<string, unknown>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, unknown>;
}

export interface ResolverOptions {
  /** Region for `AWS::Region` and ARNs (the read context's region). */
  region: string;
  /** Condition name → value for this variant. Conditions not listed are "unassigned" (see `unassigned`). */
  assumptions?: Readonly<Record<string, boolean>>;
  /** For gap positions. */
  document?: TemplateDocument;
  /**
   * Resources that exist at deploy time without being in `Resources` (SAM's generated `ServerlessRestApi`,
   * `<Function>Role`…): logical id → type, so `Ref`/`Fn::GetAtt` on them resolve instead of becoming gaps.
   */
  extraResources?: Readonly<Record<string, string>>;
}

const MAX_DEPTH = 64;
const MAX_MESSAGE = 500;
/** Nodes visited per resolver: far above any real template, a stop for hostile nesting of Fn::Select/Fn::If. */
const WORK_BUDGET = 2_000_000;

const PSEUDO_PARAMETERS = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The template's sections, each an object (anything else in their place reads as empty). */
export function templateSections(template: unknown): CfnTemplateSections {
  const root = isRecord(template) ? template : {};
  const section = (name: string) => {
    const value = own(root, name);
    return isRecord(value) ? value : {};
  };
  return {
    Parameters: section("Parameters"),
    Mappings: section("Mappings"),
    Conditions: section("Conditions"),
    Resources: section("Resources"),
  };
}

/** The single key of an intrinsic function object (`Ref`, `Fn::…`), or undefined for any other value. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  // Stops at the first key that is not a function name, or at a second key: this runs on every object of a template,
  // where Object.keys would copy the thousands of keys of a large definition's `paths` each time.
  let only: string | undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (only !== undefined || (key !== "Ref" && !key.startsWith("Fn::"))) return undefined;
    only = key;
  }
  return only;
}

class Exhausted extends Error {}

type ConstantResult = { known: true; value: unknown } | { known: false };

export class IntrinsicResolver {
  readonly gaps: TemplateGap[] = [];
  private readonly unassignedOrder: string[] = [];
  private readonly region: string;
  private readonly assumptions: Readonly<Record<string, boolean>>;
  private readonly document: TemplateDocument | undefined;
  private readonly extraResources: Readonly<Record<string, string>>;
  private readonly conditionStack: string[] = [];
  private readonly constantConditions = new Map<string, boolean | undefined>();
  private work = 0;
  /** Set while `resolveShared` runs: `walk` returns unchanged subtrees themselves instead of copies. */
  private sharing = false;

  constructor(
    readonly template: CfnTemplateSections,
    options: ResolverOptions,
  ) {
    this.region = options.region;
    this.assumptions = options.assumptions ?? {};
    this.document = options.document;
    this.extraResources = options.extraResources ?? {};
  }

  /** Conditions met while resolving that `assumptions` did not fix, in the order met; each was taken as true. */
  get unassigned(): readonly string[] {
    return this.unassignedOrder;
  }

  /** The assumptions in force plus the provisional `true` of each unassigned condition. */
  effectiveAssumptions(): Record<string, boolean> {
    const out: Record<string, boolean> = { ...this.assumptions };
    for (const name of this.unassignedOrder) setOwn(out, name, true);
    return out;
  }

  /** Records a gap (deduplicated by message and position). */
  addGap(text: string, path?: ValuePath, part?: TemplateGap["part"]): void {
    // Names in a message come from the template: clipped so a hostile one cannot make every report huge.
    const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
    const position = path && this.document ? this.document.positionOf(path) : undefined;
    const duplicate = this.gaps.some(
      (g) => g.message === message && g.position?.line === position?.line && g.position?.column === position?.column,
    );
    if (duplicate) return;
    const gap: TemplateGap = { message };
    if (position) gap.position = position;
    if (part) gap.part = part;
    this.gaps.push(gap);
  }

  /** The type of a resource (template or `extraResources`), or undefined when no such resource exists. */
  resourceType(logicalId: string): string | undefined {
    const resource = own(this.template.Resources, logicalId);
    if (isRecord(resource)) {
      const type = own(resource, "Type");
      return typeof type === "string" ? type : "";
    }
    return own(this.extraResources as Record<string, unknown>, logicalId) as string | undefined;
  }

  /**
   * Resolves every intrinsic in `value`. `path` is where `value` sits in the template (for gap positions).
   * Returns undefined for `AWS::NoValue` and for what could not be resolved (a gap says why).
   */
  resolve(value: unknown, path: ValuePath = []): unknown {
    try {
      const resolved = this.walk(value, [...path], 0);
      return resolved === NO_VALUE ? undefined : resolved;
    } catch (error) {
      if (error instanceof Exhausted) {
        this.addGap(`Resolving this value took more than ${WORK_BUDGET.toLocaleString("en")} steps; left unresolved`, path);
        return undefined;
      }
      throw error;
    }
  }

  /**
   * `resolve`, copy-on-write: an object or list with nothing to resolve anywhere inside is returned as it is (the
   * template's own value), so a large definition body with few intrinsics is not copied node by node. The result
   * shares structure with the template (and with other variants' results): the caller must not edit it (copy it
   * with `copyResolved` first). Same values, gaps, work budget and unassigned conditions as `resolve`.
   */
  resolveShared(value: unknown, path: ValuePath = []): unknown {
    const sharing = this.sharing;
    this.sharing = true;
    try {
      return this.resolve(value, path);
    } finally {
      this.sharing = sharing;
    }
  }

  /** Resolves to a string, or undefined (with a gap) when the value is not a string after resolution. */
  resolveString(value: unknown, path: ValuePath = []): string | undefined {
    const resolved = this.resolve(value, path);
    if (resolved === undefined || resolved === null) return undefined;
    if (typeof resolved === "string") return resolved;
    if (typeof resolved === "number" || typeof resolved === "boolean") return String(resolved);
    this.addGap(`Expected a string, found ${describe(resolved)}`, path);
    return undefined;
  }

  /**
   * The value of a condition in this variant: its assumption, else its value when the expression is constant
   * (decidable without deploy-time parameters), else `true` provisionally, recorded in `unassigned`.
   * CloudFormation evaluates conditions from the parameters given at deploy time, so a condition that reads a
   * parameter is free even when the parameter has a Default
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html).
   */
  condition(name: string, path?: ValuePath): boolean {
    const assumed = this.assumptions[name];
    if (typeof assumed === "boolean" && Object.prototype.hasOwnProperty.call(this.assumptions, name)) return assumed;
    if (own(this.template.Conditions, name) === undefined) {
      this.addGap(`Condition "${name}" is not defined in Conditions; taken as true`, path);
    } else {
      const constant = this.constantCondition(name);
      if (constant !== undefined) return constant;
    }
    if (!this.unassignedOrder.includes(name)) this.unassignedOrder.push(name);
    return true;
  }

  /** True/false when the condition is a constant expression; undefined when it depends on deploy time. */
  constantCondition(name: string): boolean | undefined {
    if (this.constantConditions.has(name)) return this.constantConditions.get(name);
    if (this.conditionStack.includes(name)) {
      this.addGap(`Conditions refer to each other in a cycle: ${[...this.conditionStack, name].join(" → ")}`, ["Conditions", name]);
      return undefined;
    }
    this.conditionStack.push(name);
    try {
      const result = this.constantBoolean(own(this.template.Conditions, name), ["Conditions", name], 0);
      this.constantConditions.set(name, result);
      return result;
    } finally {
      this.conditionStack.pop();
    }
  }

  private step(depth: number): void {
    if (++this.work > WORK_BUDGET) throw new Exhausted();
    if (depth > MAX_DEPTH) throw new Exhausted();
  }

  private walk(value: unknown, path: (string | number)[], depth: number): unknown {
    if (this.sharing) {
      // A subtree the parser found plain (no intrinsic inside) is what walking it returns: itself. Its nodes count as
      // the steps the walk would take; when they would pass a bound, it is walked to fail at the same place.
      const plain = plainSubtree(value);
      if (plain && this.work + plain.nodes <= WORK_BUDGET && depth + plain.height <= MAX_DEPTH) {
        this.work += plain.nodes;
        return value;
      }
    }
    this.step(depth);
    // A scalar item or entry is taken as it is (what walking it would return), without copying its path: most of a
    // large template's values are scalars. `path` is extended in place for each child and restored after it (walk
    // keeps no reference to it; intrinsics copy it), so a large template's nodes do not each allocate their path.
    // When sharing, `out` is only created at the first child that changed; until then the value itself stands.
    if (Array.isArray(value)) {
      let out: unknown[] | undefined = this.sharing ? undefined : [];
      value.forEach((item, index) => {
        if (item === null || typeof item !== "object") {
          this.step(depth + 1);
          out?.push(item);
          return;
        }
        path.push(index);
        const resolved = this.walk(item, path, depth + 1);
        path.pop();
        if (out === undefined) {
          if (resolved === item) return;
          out = value.slice(0, index);
        }
        if (resolved !== NO_VALUE) out.push(resolved);
      });
      return out ?? value;
    }
    if (!isRecord(value)) return value;
    // intrinsicName's test on the keys read once here (Object.keys lists the same own enumerable keys).
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const name = keys[0] as string;
      if (name === "Ref" || name.startsWith("Fn::")) return this.intrinsic(name, value[name], [...path, name], depth + 1);
    }
    let out: Record<string, unknown> | undefined = this.sharing ? undefined : {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = value[key];
      if (item === null || typeof item !== "object") {
        this.step(depth + 1);
        if (out) setOwnKey(out, key, item);
        continue;
      }
      path.push(key);
      const resolved = this.walk(item, path, depth + 1);
      path.pop();
      if (out === undefined) {
        if (resolved === item) continue;
        out = {};
        for (let j = 0; j < i; j++) setOwnKey(out, keys[j] as string, value[keys[j] as string]);
      }
      if (resolved !== NO_VALUE) setOwnKey(out, key, resolved);
    }
    return out ?? value;
  }

  private intrinsic(name: string, args: unknown, path: (string | number)[], depth: number): unknown {
    switch (name) {
      case "Ref":
        return typeof args === "string" ? this.ref(args, path) : this.fail("Ref needs a name", path);
      case "Fn::GetAtt":
        return this.getAtt(args, path, depth);
      case "Fn::Sub":
        return this.sub(args, path, depth);
      case "Fn::Join":
        return this.join(args, path, depth);
      case "Fn::Select":
        return this.select(args, path, depth);
      case "Fn::Split":
        return this.split(args, path, depth);
      case "Fn::FindInMap":
        return this.findInMap(args, path, depth);
      case "Fn::If":
        return this.fnIf(args, path, depth);
      case "Fn::Base64": {
        const text = this.walk(args, path, depth);
        return typeof text === "string" ? Buffer.from(text, "utf8").toString("base64") : this.fail("Fn::Base64 needs a string", path);
      }
      case "Fn::Length": {
        const list = this.walk(args, path, depth);
        return Array.isArray(list) ? list.length : this.fail("Fn::Length needs a list", path);
      }
      case "Fn::ToJsonString":
        return JSON.stringify(this.walk(args, path, depth));
      case "Fn::ImportValue": {
        // Another stack's export: known only at deploy time, kept readable.
        const exportName = this.walk(args, path, depth);
        return typeof exportName === "string" ? `\${ImportValue:${exportName}}` : this.fail("Fn::ImportValue needs a name", path);
      }
      default:
        return this.fail(`${name} is not supported here (its value is left unknown)`, path);
    }
  }

  private fail(message: string, path: ValuePath): undefined {
    this.addGap(message, path);
    return undefined;
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html */
  private pseudo(name: string): unknown {
    switch (name) {
      case "AWS::Region":
        return this.region;
      case "AWS::Partition":
        return partitionOf(this.region);
      case "AWS::URLSuffix":
        return urlSuffixOf(this.region);
      case "AWS::AccountId":
        return ACCOUNT_PLACEHOLDER;
      case "AWS::NoValue":
        return NO_VALUE;
      case "AWS::NotificationARNs":
        return [];
      default:
        return parameterPlaceholder(name);
    }
  }

  private ref(name: string, path: ValuePath): unknown {
    if (PSEUDO_PARAMETERS.has(name)) return this.pseudo(name);
    const parameter = own(this.template.Parameters, name);
    if (isRecord(parameter)) return this.parameterValue(name, parameter);
    if (this.resourceType(name) !== undefined) return physicalIdPlaceholder(name);
    return this.fail(`Ref to "${name}", which is neither a parameter, a resource nor a pseudo parameter`, path);
  }

  /** A parameter's Default (lists split on commas, as CommaDelimitedList and List<…> are), else a placeholder. */
  private parameterValue(name: string, parameter: Record<string, unknown>): unknown {
    const type = own(parameter, "Type");
    const isList = typeof type === "string" && (type === "CommaDelimitedList" || type.startsWith("List<"));
    const fallback = own(parameter, "Default");
    if (fallback === undefined || fallback === null || isRecord(fallback))
      return isList ? [parameterPlaceholder(name)] : parameterPlaceholder(name);
    if (isList)
      return Array.isArray(fallback)
        ? fallback.map(String)
        : String(fallback)
            .split(",")
            .map((s) => s.trim());
    return typeof fallback === "string" || typeof fallback === "number" || typeof fallback === "boolean"
      ? String(fallback)
      : parameterPlaceholder(name);
  }

  private getAtt(args: unknown, path: (string | number)[], depth: number): unknown {
    let logicalId: unknown;
    let attribute: unknown;
    if (typeof args === "string") {
      const dot = args.indexOf(".");
      [logicalId, attribute] = dot < 0 ? [args, undefined] : [args.slice(0, dot), args.slice(dot + 1)];
    } else if (Array.isArray(args)) {
      logicalId = args[0];
      attribute = this.walk(args[1], [...path, 1], depth);
    }
    if (typeof logicalId !== "string" || typeof attribute !== "string") return this.fail("Fn::GetAtt needs [LogicalId, Attribute]", path);
    const type = this.resourceType(logicalId);
    if (type === undefined) return this.fail(`Fn::GetAtt of "${logicalId}", which is not a resource of this template`, path);
    return getAttPlaceholder(logicalId, type, attribute, this.region);
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html */
  private sub(args: unknown, path: (string | number)[], depth: number): unknown {
    let text: unknown = args;
    let variables: Record<string, unknown> = {};
    if (Array.isArray(args)) {
      text = args[0];
      const resolved = this.walk(args[1] ?? {}, [...path, 1], depth);
      if (isRecord(resolved)) variables = resolved;
    }
    if (typeof text !== "string") return this.fail("Fn::Sub needs a string", path);
    return splitSub(text)
      .map((piece) => (piece.kind === "text" ? piece.text : this.subVariable(piece.name, variables, path)))
      .join("");
  }

  private subVariable(name: string, variables: Record<string, unknown>, path: ValuePath): string {
    let value: unknown;
    if (Object.prototype.hasOwnProperty.call(variables, name)) value = variables[name];
    else if (PSEUDO_PARAMETERS.has(name) || own(this.template.Parameters, name) !== undefined || this.resourceType(name) !== undefined) {
      value = this.ref(name, path);
    } else if (name.includes(".")) {
      const dot = name.indexOf(".");
      const logicalId = name.slice(0, dot);
      const type = this.resourceType(logicalId);
      if (type === undefined) {
        this.addGap(`Fn::Sub names "\${${name}}", which is not a resource of this template`, path);
        return `\${${name}}`;
      }
      value = getAttPlaceholder(logicalId, type, name.slice(dot + 1), this.region);
    } else {
      this.addGap(`Fn::Sub names "\${${name}}", which is neither a variable, a parameter nor a resource`, path);
      return `\${${name}}`;
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    this.addGap(`Fn::Sub variable "\${${name}}" is ${describe(value)}, not a string`, path);
    return `\${${name}}`;
  }

  private join(args: unknown, path: (string | number)[], depth: number): unknown {
    if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== "string")
      return this.fail("Fn::Join needs [delimiter, list]", path);
    const list = this.walk(args[1], [...path, 1], depth);
    if (!Array.isArray(list)) return this.fail("Fn::Join needs a list of strings", path);
    const parts: string[] = [];
    for (const item of list) {
      if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") parts.push(String(item));
      else return this.fail(`Fn::Join has ${describe(item)} in its list`, path);
    }
    return parts.join(args[0]);
  }

  private select(args: unknown, path: (string | number)[], depth: number): unknown {
    if (!Array.isArray(args) || args.length !== 2) return this.fail("Fn::Select needs [index, list]", path);
    const index = Number(this.walk(args[0], [...path, 0], depth));
    const list = this.walk(args[1], [...path, 1], depth);
    if (!Array.isArray(list) || !Number.isInteger(index) || index < 0 || index >= list.length) {
      return this.fail("Fn::Select index is outside its list", path);
    }
    return list[index];
  }

  private split(args: unknown, path: (string | number)[], depth: number): unknown {
    if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== "string" || args[0] === "")
      return this.fail("Fn::Split needs [delimiter, string]", path);
    const source = this.walk(args[1], [...path, 1], depth);
    if (typeof source !== "string") return this.fail("Fn::Split needs a string to split", path);
    return source.split(args[0]);
  }

  private findInMap(args: unknown, path: (string | number)[], depth: number): unknown {
    if (!Array.isArray(args) || args.length < 3) return this.fail("Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]", path);
    const keys = args.slice(0, 3).map((key, i) => this.walk(key, [...path, i], depth));
    const [mapName, top, second] = keys;
    if (!keys.every((k) => typeof k === "string" || typeof k === "number"))
      return this.fail("Fn::FindInMap keys did not resolve to strings", path);
    const map = own(this.template.Mappings, String(mapName));
    const level = isRecord(map) ? own(map, String(top)) : undefined;
    const found = isRecord(level) ? own(level, String(second)) : undefined;
    if (found !== undefined) return this.walk(found, ["Mappings", String(mapName), String(top), String(second)], depth);
    // The language extension's DefaultValue option (AWS::LanguageExtensions).
    const options = args[3];
    if (isRecord(options) && own(options, "DefaultValue") !== undefined)
      return this.walk(options.DefaultValue, [...path, 3, "DefaultValue"], depth);
    return this.fail(`Fn::FindInMap: ${String(mapName)}.${String(top)}.${String(second)} is not in Mappings`, path);
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html */
  private fnIf(args: unknown, path: (string | number)[], depth: number): unknown {
    if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== "string")
      return this.fail("Fn::If needs [Condition, ValueIfTrue, ValueIfFalse]", path);
    const branch = this.condition(args[0], path) ? 1 : 2;
    return this.walk(args[branch], [...path, branch], depth);
  }

  /** Three-valued evaluation of a condition expression: true, false, or undefined when it needs deploy time. */
  private constantBoolean(expression: unknown, path: (string | number)[], depth: number): boolean | undefined {
    this.step(depth);
    if (typeof expression === "boolean") return expression;
    if (!isRecord(expression)) return undefined;
    const keys = Object.keys(expression);
    if (keys.length !== 1) return undefined;
    const key = keys[0] as string;
    const args = expression[key];
    if (key === "Condition") return typeof args === "string" ? this.constantCondition(args) : undefined;
    if (!Array.isArray(args)) return undefined;
    const operands = () => args.map((a, i) => this.constantBoolean(a, [...path, key, i], depth + 1));
    switch (key) {
      case "Fn::Equals": {
        if (args.length !== 2) return undefined;
        const left = this.constantValue(args[0], depth + 1);
        const right = this.constantValue(args[1], depth + 1);
        if (!left.known || !right.known) return undefined;
        return JSON.stringify(left.value) === JSON.stringify(right.value) || String(left.value) === String(right.value);
      }
      case "Fn::Not": {
        const [inner] = operands();
        return inner === undefined ? undefined : !inner;
      }
      case "Fn::And": {
        const values = operands();
        if (values.includes(false)) return false;
        return values.every((v) => v === true) ? true : undefined;
      }
      case "Fn::Or": {
        const values = operands();
        if (values.includes(true)) return true;
        return values.every((v) => v === false) ? false : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A value that needs no deploy-time input (literals, and Fn::FindInMap/Join/Select/Split of literals). */
  private constantValue(value: unknown, depth: number): ConstantResult {
    this.step(depth);
    if (value === null || typeof value !== "object") return { known: true, value };
    if (Array.isArray(value)) {
      const items = value.map((v) => this.constantValue(v, depth + 1));
      return items.every((i) => i.known) ? { known: true, value: items.map((i) => (i as { value: unknown }).value) } : { known: false };
    }
    const name = intrinsicName(value);
    if (name === "Fn::FindInMap" || name === "Fn::Join" || name === "Fn::Select" || name === "Fn::Split") {
      const args = this.constantValue((value as Record<string, unknown>)[name], depth + 1);
      if (!args.known) return { known: false };
      const probe = new IntrinsicResolver(this.template, { region: this.region });
      const resolved = probe.resolve({ [name]: args.value });
      return probe.gaps.length === 0 && resolved !== undefined ? { known: true, value: resolved } : { known: false };
    }
    return { known: false };
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "an unresolved value";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
