/**
 * Static evaluation of Terraform expressions (https://developer.hashicorp.com/terraform/language/expressions):
 * literals, templates, collections, `var.*` (default or tfvars), `local.*`, `count.index`, `each.key/value`,
 * references to resources, conditionals, operators and the few functions API definitions use. Everything else
 * evaluates to `TfUnknown` with the reason: Preflight reports it, it does not guess. Work is bounded by the
 * expression tree (already depth-limited by the parser) and by the scope's cycle checks.
 */
import { textOf, type HclExpr, type HclTraversalStep } from "./hcl-ast";
import { isKnown, isTfObject, newTfObject, TfRef, TfUnknown, toJson, type TfValue } from "./values";

export interface EvalScope {
  /** `var.name`; pushes a note when a default or tfvars value was used. */
  variable(name: string, notes: string[]): TfValue;
  local(name: string, notes: string[]): TfValue;
  /** `type.name[key].attribute`; attribute undefined when the whole resource object is referenced. */
  resource(type: string, name: string, key: TfValue | undefined, attribute: string | undefined, notes: string[]): TfValue;
  /** `file(path)` relative to the module directory. */
  readFile(path: string): TfValue;
  count?: number;
  each?: { key: TfValue; value: TfValue };
}

const unknown = (expr: HclExpr, reason: string) => new TfUnknown(reason, `\${${textOf(expr)}}`);

export function evaluate(expr: HclExpr, scope: EvalScope, notes: string[]): TfValue {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "template":
      return template(expr, scope, notes);
    case "tuple":
      return evaluateItems(expr.items, scope, notes);
    case "object": {
      const out = newTfObject();
      for (const { key, value } of expr.items) {
        const k = evaluate(key, scope, notes);
        if (typeof k !== "string" && typeof k !== "number" && typeof k !== "boolean") {
          return unknown(expr, `an object key (${textOf(key)}) could not be resolved statically`);
        }
        out[String(k)] = evaluate(value, scope, notes);
      }
      return out;
    }
    case "traversal":
      return traversal(expr, scope, notes);
    case "call":
      return call(expr, scope, notes);
    case "conditional": {
      const condition = evaluate(expr.condition, scope, notes);
      if (condition === true) return evaluate(expr.then, scope, notes);
      if (condition === false) return evaluate(expr.else, scope, notes);
      const a = evaluate(expr.then, scope, notes);
      const b = evaluate(expr.else, scope, notes);
      // Both branches agree: the condition does not matter.
      if (isKnown(a) && JSON.stringify(toJson(a)) === JSON.stringify(toJson(b))) return a;
      return unknown(expr, `it depends on the condition ${textOf(expr.condition)}, which could not be resolved statically`);
    }
    case "binary":
      return binary(expr, evaluate(expr.left, scope, notes), evaluate(expr.right, scope, notes));
    case "unary": {
      const v = evaluate(expr.operand, scope, notes);
      if (expr.operator === "!" && typeof v === "boolean") return !v;
      if (expr.operator === "-" && typeof v === "number") return -v;
      return unknown(expr, `${textOf(expr)} could not be resolved statically`);
    }
    case "unsupported":
      return unknown(expr, `${expr.what} is not evaluated statically`);
  }
}

/**
 * A tuple's values. Not a closure in `evaluate`: one that captures `scope` and `notes` gives every call of `evaluate` a
 * context object to hold them (48 bytes per expression evaluated, tuple or not).
 */
function evaluateItems(items: HclExpr[], scope: EvalScope, notes: string[]): TfValue[] {
  const out: TfValue[] = [];
  for (const item of items) out.push(evaluate(item, scope, notes));
  return out;
}

function template(expr: Extract<HclExpr, { kind: "template" }>, scope: EvalScope, notes: string[]): TfValue {
  const [only] = expr.parts;
  // A template that is one interpolation and nothing else yields the value itself (HCL spec, "Template Expressions").
  if (expr.parts.length === 1 && only !== undefined && typeof only !== "string") return evaluate(only, scope, notes);
  let text = "";
  let reason: string | undefined;
  for (const part of expr.parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const v = evaluate(part, scope, notes);
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") text += String(v);
    else if (v instanceof TfRef || v instanceof TfUnknown) {
      text += v.text;
      reason ??= v instanceof TfUnknown ? v.reason : `${v.address}.${v.attribute} is only known after apply`;
    } else {
      text += `\${${textOf(part)}}`;
      reason ??= `${textOf(part)} is not a string`;
    }
  }
  return reason === undefined ? text : new TfUnknown(reason, text);
}

function traversal(expr: Extract<HclExpr, { kind: "traversal" }>, scope: EvalScope, notes: string[]): TfValue {
  const steps = expr.steps;
  const first = steps[0];
  const firstAttr = first && "attr" in first ? first.attr : undefined;
  let value: TfValue;
  /** The first step not yet applied to `value`. */
  let rest: number;
  switch (expr.root) {
    case "var":
      if (firstAttr === undefined) return unknown(expr, `${textOf(expr)} is not a variable reference`);
      value = scope.variable(firstAttr, notes);
      rest = 1;
      break;
    case "local":
      if (firstAttr === undefined) return unknown(expr, `${textOf(expr)} is not a local value reference`);
      value = scope.local(firstAttr, notes);
      rest = 1;
      break;
    case "count":
      if (firstAttr === "index" && scope.count !== undefined) return scope.count;
      return unknown(expr, "count.index outside a counted resource");
    case "each":
      if (scope.each && firstAttr === "key") {
        value = scope.each.key;
        rest = 1;
        break;
      }
      if (scope.each && firstAttr === "value") {
        value = scope.each.value;
        rest = 1;
        break;
      }
      return unknown(expr, `${textOf(expr)} is not known outside a for_each resource`);
    case "module":
      return unknown(expr, `module outputs (${textOf(expr)}) are not read: only this directory's own resources are`);
    case "data":
      return unknown(expr, `data sources (${textOf(expr)}) are only read by terraform plan`);
    case "path":
    case "terraform":
    case "self":
      return unknown(expr, `${textOf(expr)} is only known to terraform itself`);
    default: {
      if (firstAttr === undefined) return unknown(expr, `${textOf(expr)} could not be resolved statically`);
      // type.name[key].attribute...
      let key: TfValue | undefined;
      let attrIndex = 1;
      const second = steps[1];
      if (second && "index" in second) {
        key = evaluate(second.index, scope, notes);
        attrIndex = 2;
      } else if (second && "splat" in second) {
        return unknown(expr, `splat expressions (${textOf(expr)}) are not evaluated statically`);
      }
      const attrStep = steps[attrIndex];
      const attribute = attrStep && "attr" in attrStep ? attrStep.attr : undefined;
      value = scope.resource(expr.root, firstAttr, key, attribute, notes);
      rest = attribute === undefined ? attrIndex : attrIndex + 1;
    }
  }
  for (let i = rest; i < steps.length; i++) value = applyStep(expr, value, steps[i]!, scope, notes);
  return value;
}

function applyStep(expr: HclExpr, value: TfValue, step: HclTraversalStep, scope: EvalScope, notes: string[]): TfValue {
  if (value instanceof TfRef) {
    if ("attr" in step) return new TfRef(value.address, `${value.attribute}.${step.attr}`);
    return unknown(expr, `${textOf(expr)} is only known after apply`);
  }
  if (value instanceof TfUnknown) return value;
  if ("splat" in step) return unknown(expr, `splat expressions (${textOf(expr)}) are not evaluated statically`);
  const key = "attr" in step ? step.attr : evaluate(step.index, scope, notes);
  if (Array.isArray(value) && typeof key === "number") return value[key] ?? unknown(expr, `index ${key} is out of range`);
  if (isTfObject(value) && (typeof key === "string" || typeof key === "number")) {
    const k = String(key);
    return Object.hasOwn(value, k) ? (value[k] as TfValue) : unknown(expr, `${textOf(expr)} has no element "${k}"`);
  }
  return unknown(expr, `${textOf(expr)} could not be resolved statically`);
}

function binary(expr: Extract<HclExpr, { kind: "binary" }>, a: TfValue, b: TfValue): TfValue {
  const op = expr.operator;
  if (op === "==" || op === "!=") {
    if (!isKnown(a) || !isKnown(b)) return unknown(expr, `${textOf(expr)} could not be resolved statically`);
    const equal = JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
    return op === "==" ? equal : !equal;
  }
  if ((op === "&&" || op === "||") && typeof a === "boolean" && typeof b === "boolean") return op === "&&" ? a && b : a || b;
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return b === 0 ? unknown(expr, "division by zero") : a / b;
      case "%":
        return b === 0 ? unknown(expr, "division by zero") : a % b;
      case ">":
        return a > b;
      case ">=":
        return a >= b;
      case "<":
        return a < b;
      case "<=":
        return a <= b;
    }
  }
  return unknown(expr, `${textOf(expr)} could not be resolved statically`);
}

function asList(value: TfValue): TfValue[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The functions API Gateway definitions use; any other function is reported, not guessed. */
function call(expr: Extract<HclExpr, { kind: "call" }>, scope: EvalScope, notes: string[]): TfValue {
  if (expr.expandFinal) return unknown(expr, `argument expansion (...) in ${expr.name}() is not evaluated statically`);
  const args = () => evaluateItems(expr.args, scope, notes);
  switch (expr.name) {
    case "try": {
      for (const a of expr.args) {
        const v = evaluate(a, scope, notes);
        if (isKnown(v)) return v;
      }
      return unknown(expr, `no argument of ${textOf(expr)} could be resolved statically`);
    }
    case "jsonencode": {
      const [v] = args();
      if (v === undefined) return unknown(expr, "jsonencode() without an argument");
      return isKnown(v)
        ? JSON.stringify(toJson(v))
        : new TfUnknown(`part of ${textOf(expr)} is only known after apply`, JSON.stringify(toJson(v)));
    }
    case "file": {
      const [p] = args();
      return typeof p === "string" ? scope.readFile(p) : unknown(expr, `the path of ${textOf(expr)} could not be resolved statically`);
    }
    case "lookup": {
      const [map, key, fallback] = args();
      if (isTfObject(map) && typeof key === "string")
        return Object.hasOwn(map, key) ? (map[key] as TfValue) : (fallback ?? unknown(expr, `no key "${key}"`));
      return unknown(expr, `${textOf(expr)} could not be resolved statically`);
    }
    case "length": {
      const [v] = args();
      if (typeof v === "string") return [...v].length;
      if (Array.isArray(v)) return v.length;
      if (isTfObject(v)) return Object.keys(v).length;
      return unknown(expr, `${textOf(expr)} could not be resolved statically`);
    }
    case "tostring":
    case "tonumber":
    case "tobool":
    case "tolist":
    case "tomap": {
      const [v] = args();
      return v ?? unknown(expr, `${expr.name}() without an argument`);
    }
    case "toset": {
      const [v] = args();
      const list = v === undefined ? undefined : asList(v);
      if (!list || !isKnown(list)) return unknown(expr, `${textOf(expr)} could not be resolved statically`);
      const seen = new Set<string>();
      return list.filter((item) => {
        const k = JSON.stringify(toJson(item));
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    case "concat": {
      const lists = args().map(asList);
      return lists.every((l) => l !== undefined)
        ? (lists as TfValue[][]).flat()
        : unknown(expr, `${textOf(expr)} could not be resolved statically`);
    }
    case "merge": {
      const maps = args();
      if (!maps.every(isTfObject)) return unknown(expr, `${textOf(expr)} could not be resolved statically`);
      const out = newTfObject();
      for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = v;
      return out;
    }
    case "join": {
      const [sep, ...lists] = args();
      const items = lists.map(asList);
      if (typeof sep !== "string" || !items.every((l) => l !== undefined))
        return unknown(expr, `${textOf(expr)} could not be resolved statically`);
      const flat = (items as TfValue[][]).flat();
      if (!flat.every((i) => typeof i === "string" || typeof i === "number"))
        return unknown(expr, `an element of ${textOf(expr)} is only known after apply`);
      return flat.join(sep);
    }
    case "lower":
    case "upper": {
      const [v] = args();
      if (typeof v !== "string") return unknown(expr, `${textOf(expr)} could not be resolved statically`);
      return expr.name === "lower" ? v.toLowerCase() : v.toUpperCase();
    }
    case "coalesce": {
      for (const v of args()) {
        if (!isKnown(v)) return unknown(expr, `${textOf(expr)} could not be resolved statically`);
        if (v !== null && v !== "") return v;
      }
      return unknown(expr, "coalesce() found no non-empty argument");
    }
    default:
      return unknown(expr, `the function ${expr.name}() is not evaluated statically`);
  }
}
