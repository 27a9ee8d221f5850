import { describe, expect, it } from "vitest";
import {
  allocationPhasesOf,
  FRAMEWORK_PHASE,
  GC_PHASE,
  OUTSIDE_PHASE,
  ownerOf,
  phasesOf,
  type CpuProfile,
  type HeapProfileNode,
  type ProfileNode,
} from "./audit-phases";

const ROOT = "/work/app";

/** A profile tree written as [id, function, file (relative, "" for builtins), children]. */
function node(id: number, functionName: string, file: string, children: number[] = []): ProfileNode {
  return { id, callFrame: { functionName, url: file ? `file://${ROOT}/${file}` : "", lineNumber: 0 }, children };
}

// One audit as V8 records it: the bench loop calls auditModel, which normalises, runs a rule (whose support code asks
// routing) and renders its findings; GC and the profiler sit at the root.
const nodes = [
  node(1, "(root)", "", [2, 14, 15, 16]),
  node(2, "main", "scripts/bench-core.ts", [3, 17]),
  node(3, "auditModel", "lib/audit/audit-model.ts", [4, 6, 13]),
  node(4, "normalizeApi", "lib/model/normalize.ts", [5]),
  node(5, "reshapeGatewayResponses", "lib/model/gateway-responses.ts"),
  node(6, "runRules", "lib/audit/run-rules.ts", [7, 11]),
  node(7, "check", "lib/rules/missing-preflight/rule.ts", [8]),
  node(8, "computeCallers", "lib/rules/support/preflight-callers.ts", [9, 18]),
  node(9, "answeredBy", "lib/model/answered-by.ts", [10]),
  node(10, "resolveRoute", "lib/routing/resolve-route.ts"),
  node(11, "renderFinding", "lib/rules/finding.ts", [12]),
  node(12, "renderMessage", "lib/rules/support/render-message.ts"),
  node(13, "countBySeverity", "lib/rules/count-by-severity.ts"),
  node(14, "(garbage collector)", ""),
  node(15, "(program)", ""),
  node(16, "(idle)", ""),
  node(17, "dispatch", ""),
  node(18, "driftOnce", "lib/model/reshape-stages.ts"),
];

describe("phasesOf", () => {
  it("credits each sample to the innermost owner on its stack, so the phases add up to the samples", () => {
    // Sample i lands on node samples[i] and lasts deltas[i] µs.
    const samples = [5, 4, 8, 9, 10, 18, 7, 12, 11, 6, 13, 3, 14, 15, 16, 17, 2];
    const timeDeltas = samples.map((_, i) => (i + 1) * 1000);
    const profile: CpuProfile = { nodes, samples, timeDeltas };
    const { phases, framework, outside } = phasesOf(profile, ROOT);
    const ms = (...indices: number[]) => indices.reduce((n, i) => n + (i + 1), 0);
    // The nodes the self-time tables leave out: the profiler's dispatch and the bench loop itself.
    expect([...outside].sort((a, b) => a - b)).toEqual([2, 17]);
    expect(Object.fromEntries(phases)).toEqual({
      // normalizeApi and the helper it calls; and normalisation a rule triggers lazily (driftOnce).
      [ownerOf("lib/model/normalize.ts") as string]: ms(0, 1, 5),
      // the rule's own check and its support code.
      "rule missing-preflight": ms(2, 6),
      // routing, whoever asked.
      [ownerOf("lib/routing/resolve-route.ts") as string]: ms(3, 4),
      // rendering (support code called by renderFinding), running the rules, counting, auditModel itself.
      [FRAMEWORK_PHASE]: ms(7, 8, 9, 10, 11),
      [GC_PHASE]: ms(12),
      // the bench loop and the profiler; (program) and (idle) are no one's time.
      [OUTSIDE_PHASE]: ms(15, 16),
    });
    expect(Object.fromEntries(framework)).toEqual({
      "renderMessage lib/rules/support/render-message.ts": ms(7),
      "renderFinding lib/rules/finding.ts": ms(8),
      "runRules lib/audit/run-rules.ts": ms(9),
      "countBySeverity lib/rules/count-by-severity.ts": ms(10),
      "auditModel lib/audit/audit-model.ts": ms(11),
    });
  });
});

describe("ownerOf", () => {
  it("gives rule folders to their rule, and support, testing and model helpers to their caller", () => {
    expect(ownerOf("lib/rules/cors-origin-misconfigured/rule.ts")).toBe("rule cors-origin-misconfigured");
    expect(ownerOf("lib/rules/support/cors-headers.ts")).toBeUndefined();
    expect(ownerOf("lib/rules/testing/rule-tester.ts")).toBeUndefined();
    expect(ownerOf("lib/rules/count-by-severity.ts")).toBeUndefined();
    expect(ownerOf("lib/model/types.ts")).toBeUndefined();
    expect(ownerOf("lib/audit/stage-runs.ts")).toBe(FRAMEWORK_PHASE);
    expect(ownerOf("lib/model/method-settings.ts")).toBe(ownerOf("lib/model/reshape-resources.ts"));
    expect(ownerOf("lib/model/answered-by.ts")).toBe(ownerOf("lib/routing/route-tree.ts"));
  });
});

describe("allocationPhasesOf", () => {
  const frame = (functionName: string, file: string) => ({ functionName, url: file ? `file://${ROOT}/${file}` : "", lineNumber: 0 });
  it("credits each allocation to the innermost owner on its stack, and what no audit code made to outside", () => {
    const head: HeapProfileNode = {
      callFrame: frame("(root)", ""),
      selfSize: 0,
      children: [
        {
          callFrame: frame("auditModel", "lib/audit/audit-model.ts"),
          selfSize: 10,
          children: [
            { callFrame: frame("reshapeMethod", "lib/model/reshape-resources.ts"), selfSize: 300, children: [] },
            {
              callFrame: frame("check", "lib/rules/missing-preflight/rule.ts"),
              selfSize: 40,
              // Support code and builtins allocate for the rule that called them.
              children: [{ callFrame: frame("keys", ""), selfSize: 5, children: [] }],
            },
          ],
        },
        { callFrame: frame("main", "scripts/bench-core.ts"), selfSize: 7, children: [] },
      ],
    };
    expect(Object.fromEntries(allocationPhasesOf(head, ROOT))).toEqual({
      [FRAMEWORK_PHASE]: 10,
      "normalise (lib/model normalize, reshape-*, drift, method-settings)": 300,
      "rule missing-preflight": 45,
      [OUTSIDE_PHASE]: 7,
    });
  });
});
