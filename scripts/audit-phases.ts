/**
 * Where an audit's time goes, from a V8 CPU profile of real `auditModel` calls (bench:core). Each sample is credited
 * to exactly one phase by its call stack, innermost owner first, so the phases add up to the whole audit: routing's
 * memoised answers are paid for once, under whichever rule asked first, and counted as routing; a rule's support code
 * counts for the rule that called it; normalisation a rule triggers lazily counts as normalise. Whatever runs inside
 * the audit under none of them (running the rules, rendering findings, stage runs, the sort) is the framework.
 */

/** A node of a V8 CPU profile (Profiler.stop), as much of it as is read here. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
}

export const GC_PHASE = "garbage collection";
export const FRAMEWORK_PHASE = "framework (lib/audit, rendering findings)";
/** Samples outside any audit: the bench's loop and the profiler itself (its `dispatch`). */
export const OUTSIDE_PHASE = "outside the audit";

const ROUTING = "routing (lib/routing, lib/model/answered-by.ts)";
const NORMALISE = "normalise (lib/model normalize, reshape-*, drift, method-settings)";

/**
 * The phase that owns a source file (a path relative to the project), or undefined for files that belong to whoever
 * calls them (lib/rules/support, lib/model helpers, builtins).
 */
export function ownerOf(file: string): string | undefined {
  if (file.startsWith("lib/routing/") || file === "lib/model/answered-by.ts") return ROUTING;
  if (/^lib\/model\/(?:normalize|reshape-|drift|method-settings)/.test(file)) return NORMALISE;
  const rule = /^lib\/rules\/([^/]+)\//.exec(file)?.[1];
  if (rule !== undefined && rule !== "support" && rule !== "testing") return `rule ${rule}`;
  if (file.startsWith("lib/audit/") || file === "lib/rules/finding.ts") return FRAMEWORK_PHASE;
  return undefined;
}

/** The project-relative path of a profile frame's script, or "" for builtins and node internals. */
export function fileOf(url: string, root: string): string {
  const prefix = `file://${root.endsWith("/") ? root : `${root}/`}`;
  return url.startsWith(prefix) ? url.slice(prefix.length) : "";
}

export interface PhaseTotals {
  /** Sampled milliseconds per phase (GC and outside included). */
  phases: Map<string, number>;
  /** Self time per function inside the framework phase, "name file". */
  framework: Map<string, number>;
  /** The profile nodes whose samples are outside any audit (the bench's loop, the profiler's own `dispatch`). */
  outside: Set<number>;
}

/** Sampled time per phase (and the framework's self time per function) over a whole profile. */
export function phasesOf(profile: CpuProfile, root: string): PhaseTotals {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // A node's phase is its own file's owner, else its caller's: memoised, since stacks share their callers.
  const phaseOfNode = new Map<number, string | undefined>();
  const phaseOf = (id: number): string | undefined => {
    if (phaseOfNode.has(id)) return phaseOfNode.get(id);
    const node = byId.get(id);
    const up = parent.get(id);
    const phase = node ? (ownerOf(fileOf(node.callFrame.url, root)) ?? (up === undefined ? undefined : phaseOf(up))) : undefined;
    phaseOfNode.set(id, phase);
    return phase;
  };
  const phases = new Map<string, number>();
  const framework = new Map<string, number>();
  const outside = new Set<number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    // V8 records a collection as a root-level "(garbage collector)" node, not under the code that allocated.
    const phase = frame.functionName === "(garbage collector)" ? GC_PHASE : (phaseOf(id) ?? OUTSIDE_PHASE);
    phases.set(phase, (phases.get(phase) ?? 0) + ms);
    if (phase === OUTSIDE_PHASE) outside.add(id);
    if (phase === FRAMEWORK_PHASE) {
      const name = `${frame.functionName || "(anonymous)"} ${fileOf(frame.url, root) || "(native)"}`;
      framework.set(name, (framework.get(name) ?? 0) + ms);
    }
  });
  return { phases, framework, outside };
}

/** A node of a V8 sampling heap profile (HeapProfiler.stopSampling), as much of it as is read here. */
export interface HeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  /** Bytes of the sampled allocations made in this frame itself. */
  selfSize: number;
  children: HeapProfileNode[];
}

/**
 * Sampled bytes allocated per phase over a sampling heap profile, each allocation credited as a CPU sample is: to the
 * innermost owner on its stack. Allocation is what the garbage collector's share of the audit pays for, and unlike
 * time it does not change with the machine's load.
 */
export function allocationPhasesOf(head: HeapProfileNode, root: string): Map<string, number> {
  const phases = new Map<string, number>();
  const walk = (node: HeapProfileNode, inherited: string | undefined) => {
    const phase = ownerOf(fileOf(node.callFrame.url, root)) ?? inherited;
    const key = phase ?? OUTSIDE_PHASE;
    if (node.selfSize > 0) phases.set(key, (phases.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, phase);
  };
  walk(head, undefined);
  return phases;
}
