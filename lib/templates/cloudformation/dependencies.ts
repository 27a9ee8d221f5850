/**
 * Circular dependencies between resources. CloudFormation refuses a template whose resources depend on each other
 * in a cycle, through `DependsOn` or through `Ref`/`Fn::GetAtt`/`Fn::Sub` references
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html); such a template
 * would never deploy, so the reader says so. Iterative and bounded: hostile templates cannot hang it.
 */

import { splitSub } from "@/lib/templates/cloudformation/sub-syntax";
import { plainSubtree } from "@/lib/templates/plain-subtrees";

/** Nodes visited while collecting references, over the whole template. */
const WALK_BUDGET = 1_000_000;
const MAX_CYCLES_REPORTED = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function subNames(text: string): string[] {
  return splitSub(text).flatMap((piece) => (piece.kind === "variable" ? [piece.name.split(".")[0] as string] : []));
}

/**
 * The logical ids `value` refers to (Ref, Fn::GetAtt, Fn::Sub), limited to those in `known`. Scalars are counted
 * against the budget as they are met rather than stacked (they refer to nothing), and an object's keys are read once.
 */
function referencesOf(value: unknown, known: ReadonlySet<string>, budget: { left: number }): Set<string> {
  const found = new Set<string>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && budget.left-- > 0) {
    const node = stack.pop();
    // A subtree the parser found plain refers to nothing: its other nodes are counted as the walk would count them,
    // when the budget has room for all of them (else it is walked, to stop where the walk stops).
    const plain = plainSubtree(node);
    if (plain && budget.left >= plain.nodes) {
      budget.left -= plain.nodes - 1;
      continue;
    }
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item !== null && typeof item === "object") stack.push(item);
        else budget.left--;
      }
      continue;
    }
    if (!isRecord(node)) continue;
    // Object.keys: the own enumerable keys a for-in filtered by hasOwnProperty gives, in the same order, but faster.
    const keys = Object.keys(node);
    for (const key of keys) {
      const child = node[key];
      if (child !== null && typeof child === "object") stack.push(child);
      else budget.left--;
    }
    if (keys.length !== 1) continue;
    const only = keys[0] as string;
    const arg = node[only];
    if (only === "Ref" && typeof arg === "string" && known.has(arg)) found.add(arg);
    if (only === "Fn::GetAtt") {
      const target = typeof arg === "string" ? arg.split(".")[0] : Array.isArray(arg) ? arg[0] : undefined;
      if (typeof target === "string" && known.has(target)) found.add(target);
    }
    if (only === "Fn::Sub") {
      const text = typeof arg === "string" ? arg : Array.isArray(arg) && typeof arg[0] === "string" ? arg[0] : "";
      const variables = Array.isArray(arg) && isRecord(arg[1]) ? arg[1] : {};
      for (const name of subNames(text)) if (known.has(name) && !Object.prototype.hasOwnProperty.call(variables, name)) found.add(name);
    }
  }
  return found;
}

/** Each cycle as the list of logical ids along it (first id repeated at the end), at most five. */
export function findDependencyCycles(resources: Record<string, unknown>): string[][] {
  const ids = Object.keys(resources);
  const known = new Set(ids);
  const budget = { left: WALK_BUDGET };
  const edges = new Map<string, string[]>();
  for (const id of ids) {
    const resource = resources[id];
    if (!isRecord(resource)) continue;
    const targets = referencesOf(resource.Properties, known, budget);
    const dependsOn = resource.DependsOn;
    for (const name of Array.isArray(dependsOn) ? dependsOn : [dependsOn])
      if (typeof name === "string" && known.has(name)) targets.add(name);
    targets.delete(id);
    edges.set(id, [...targets]);
  }
  // Iterative depth-first search with colours: grey = on the current path, black = done.
  const colour = new Map<string, "grey" | "black">();
  const cycles: string[][] = [];
  for (const start of ids) {
    if (colour.has(start) || cycles.length >= MAX_CYCLES_REPORTED) continue;
    const path: string[] = [];
    const frames: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    colour.set(start, "grey");
    path.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; next: number };
      const targets = edges.get(frame.id) ?? [];
      if (frame.next >= targets.length) {
        colour.set(frame.id, "black");
        frames.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next++] as string;
      const state = colour.get(target);
      if (state === "grey") {
        if (cycles.length < MAX_CYCLES_REPORTED) cycles.push([...path.slice(path.indexOf(target)), target]);
      } else if (state === undefined) {
        colour.set(target, "grey");
        path.push(target);
        frames.push({ id: target, next: 0 });
      }
    }
  }
  return cycles;
}
