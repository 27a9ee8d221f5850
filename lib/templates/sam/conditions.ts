/**
 * `Fn::If` under one set of condition values: both branches of every condition are evaluated as separate
 * variants, so a finding says which condition it depends on. `{ Ref: AWS::NoValue }` removes the key or list
 * item it stands for (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-novalue).
 * Conditions are treated as independent: a combination CloudFormation could never produce (two conditions
 * defined from each other) is still evaluated, which can only add findings, never hide one.
 */
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";

const REMOVED = Symbol("removed");
const MAX_DEPTH = 200;

function isNoValue(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1 && value.Ref === "AWS::NoValue";
}

function ifArgs(value: unknown): [string, unknown, unknown] | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1 || !Array.isArray(value["Fn::If"])) return undefined;
  const args = value["Fn::If"] as unknown[];
  return args.length === 3 && typeof args[0] === "string" ? [args[0], args[1], args[2]] : undefined;
}

/** Condition names used by `Fn::If` anywhere inside `value` (bounded walk). */
export function conditionsIn(value: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return into;
  const args = ifArgs(value);
  if (args) into.add(args[0]);
  if (Array.isArray(value)) for (const item of value) conditionsIn(item, into, depth + 1);
  else if (isRecord(value)) for (const key of Object.keys(value)) conditionsIn(value[key], into, depth + 1);
  return into;
}

/** Picks one branch for one `Fn::If` (or returns the value unchanged); the value may be removed (`undefined`). */
export function chooseBranch(value: unknown, assumptions: Record<string, boolean>): unknown {
  let current = value;
  for (let hops = 0; hops < MAX_DEPTH; hops++) {
    const args = ifArgs(current);
    if (!args || !Object.hasOwn(assumptions, args[0])) break;
    current = assumptions[args[0]] ? args[1] : args[2];
  }
  return isNoValue(current) ? undefined : current;
}

/** The whole value with every `Fn::If` resolved and every `AWS::NoValue` removed. */
export function resolveConditions(value: unknown, assumptions: Record<string, boolean>): unknown {
  const out = resolve(value, assumptions, 0);
  return out === REMOVED ? undefined : out;
}

function resolve(value: unknown, assumptions: Record<string, boolean>, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  const chosen = chooseBranch(value, assumptions);
  if (chosen === undefined && value !== undefined) return REMOVED;
  if (Array.isArray(chosen)) {
    return chosen.map((item) => resolve(item, assumptions, depth + 1)).filter((item) => item !== REMOVED);
  }
  if (isRecord(chosen)) {
    const out: JsonRecord = {};
    for (const key of Object.keys(chosen)) {
      const item = resolve(chosen[key], assumptions, depth + 1);
      if (item !== REMOVED) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return chosen;
}

/** Every combination of the conditions (2^n), capped; beyond the cap only all-true and all-false are read. */
export function assumptionSets(conditions: string[], maxConditions = 5): { sets: Array<Record<string, boolean>>; capped: boolean } {
  const names = [...conditions].sort();
  if (names.length === 0) return { sets: [{}], capped: false };
  if (names.length > maxConditions) {
    return { sets: [Object.fromEntries(names.map((n) => [n, true])), Object.fromEntries(names.map((n) => [n, false]))], capped: true };
  }
  const sets: Array<Record<string, boolean>> = [];
  for (let mask = 0; mask < 1 << names.length; mask++) {
    sets.push(Object.fromEntries(names.map((n, i) => [n, (mask & (1 << i)) === 0])));
  }
  return { sets, capped: false };
}

/** Python truthiness, which the translator's `if value:` checks use (an empty dict or list, 0, "" and null are false). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}
