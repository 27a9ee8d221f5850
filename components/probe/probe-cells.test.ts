import { describe, expect, it } from "vitest";
import type { ProbeAnswer, ProbeCheck, ProbeReport } from "@/lib/probe/types";
import { probeCellSummaries } from "./probe-cells";

const answer = (status: number): ProbeAnswer => ({ status, cors: {}, elapsedMs: 1, browser: status === 200 ? "passes" : "blocked" });

function check(overrides: Partial<ProbeCheck>): ProbeCheck {
  return {
    id: "x",
    kind: "preflight",
    path: "/orders",
    requestPath: "/orders",
    verb: "GET",
    cell: { path: "/orders", verb: "OPTIONS" },
    origin: "https://shop.example.com",
    requestHeaders: "authorization",
    withIdentity: false,
    prediction: { status: 403, allowOrigin: "absent", reason: "key" },
    answers: [answer(403)],
    outcome: "matches",
    ...overrides,
  };
}

describe("probeCellSummaries", () => {
  it("gathers every check of a cell and shows its most telling outcome", () => {
    const probe = {
      checks: [
        check({ verb: "GET" }),
        check({ verb: "POST", answers: [answer(200), answer(403)], outcome: "intermittent" }),
        check({
          kind: "actual",
          cell: { path: "/orders", verb: "GET" },
          prediction: { allowOrigin: "unknown", reason: "lambda" },
          outcome: "unpredicted",
        }),
      ],
    } as ProbeReport;
    const summaries = probeCellSummaries(probe);
    expect(summaries.get("/orders:OPTIONS")).toMatchObject({ outcome: "intermittent", observed: "403/200", predicted: "403" });
    expect(summaries.get("/orders:OPTIONS")?.lines).toHaveLength(2);
    expect(summaries.get("/orders:GET")).toMatchObject({ outcome: "unpredicted", observed: "403", predicted: "?" });
    expect(probeCellSummaries(undefined).size).toBe(0);
  });
});
