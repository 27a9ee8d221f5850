/**
 * Small helpers the SAM reader needs next to the CloudFormation reader's resolver
 * (lib/templates/cloudformation/intrinsics.ts, which resolves `Fn::If` and every other intrinsic):
 * following the branch a variant chose through a raw value (for positions), and Python truthiness.
 */
import { isRecord } from "@/lib/templates/openapi/values";

const MAX_HOPS = 200;

function ifArgs(value: unknown): [string, unknown, unknown] | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1 || !Array.isArray(value["Fn::If"])) return undefined;
  const args = value["Fn::If"] as unknown[];
  return args.length === 3 && typeof args[0] === "string" ? [args[0], args[1], args[2]] : undefined;
}

/** The branch of an `Fn::If` (nested ones too) that `assumptions` choose; the value itself when none applies. */
export function chooseBranch(value: unknown, assumptions: Record<string, boolean>): unknown {
  let current = value;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const args = ifArgs(current);
    if (!args || !Object.hasOwn(assumptions, args[0])) break;
    current = assumptions[args[0]] ? args[1] : args[2];
  }
  return current;
}

/** Python truthiness, which the translator's `if value:` checks use (an empty dict or list, 0, "" and null are false). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}
