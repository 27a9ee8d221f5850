import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { AuditReport } from "@/lib/audit/types";
import type { Connection } from "@/lib/aws/connections/connection";
import type { Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { runProbe } from "@/lib/probe/run-probe";
import type { ProbeCheck, ProbeReport } from "@/lib/probe/types";
import { planStageProbe } from "./probe-stage";
import { auditReportSchema } from "@/lib/share/report-schema";
import { renderJsonReport, renderMarkdownReport } from "@/lib/report";

/** The storefront's prod stage on the emulator's data plane: the probe's real target, through the real audit. */
let emulator: Emulator;
let connection: Connection;
let report: AuditReport;

beforeAll(async () => {
  ({ emulator, connection } = await startEmulatorWithDemoConnection());
  const audited = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
  if (!audited.ok) throw new Error(JSON.stringify(audited.failure));
  report = audited.report;
});
afterAll(async () => {
  await emulator?.close();
});

/** Counts every request the probe sends (and forwards it), so the budget is checked against the wire. */
function countingFetch() {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url: string, init: RequestInit) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

function find(probe: ProbeReport, kind: ProbeCheck["kind"], verb: string, path: string, origin = "https://shop.example.com"): ProbeCheck {
  const check = probe.checks.find(
    (c) => c.kind === kind && c.verb === verb && c.path === path && (kind === "actual" || c.origin === origin),
  );
  if (!check) throw new Error(`no ${kind} check for ${verb} ${path}`);
  return check;
}

describe("the storefront's prod stage", () => {
  let probe: ProbeReport;
  let sent: string[];

  beforeAll(async () => {
    const planned = await planStageProbe({ connection, report, stage: "prod", options: { repeat: 3, spacingMs: 10 } });
    if (!planned.ok) throw new Error(planned.reason);
    const counter = countingFetch();
    probe = await runProbe(planned.plan, { fetch: counter.fetch });
    sent = counter.urls;
  });

  it("probes the emulator's data plane for that stage and nothing else", () => {
    expect(probe.targetKind).toBe("endpoint-data-plane");
    expect(probe.target).toBe(`${emulator.url}/restapis/${STOREFRONT_API_ID}/prod/_user_request_`);
    expect(sent.length).toBeGreaterThan(0);
    for (const url of sent) expect(url.startsWith(`${probe.target}/`)).toBe(true);
  });

  it("sends exactly the budget computed before it started", () => {
    expect(probe.budget.requests).toBe(probe.budget.checks * 3);
    expect(probe.sent).toBe(probe.budget.requests);
    expect(sent).toHaveLength(probe.budget.requests);
    // Every resource verb is asked for from each origin the API allows (two, from the /newsletter comma list).
    expect(probe.origins).toEqual(["https://m.shop.example.com", "https://shop.example.com"]);
  });

  it("records status, x-amzn-ErrorType and the body's message, matching the prediction of each planted preflight", () => {
    const products = find(probe, "preflight", "GET", "/products");
    expect(products.answers.map((a) => [a.status, a.errorType])).toEqual(Array(3).fill([401, "UnauthorizedException"]));
    expect(products.outcome).toBe("matches");
    const orders = find(probe, "preflight", "POST", "/orders");
    expect(orders.answers[0]).toMatchObject({ status: 403, errorType: "ForbiddenException", message: "Forbidden", browser: "blocked" });
    expect(orders.outcome).toBe("matches");
    const cart = find(probe, "preflight", "PUT", "/cart");
    expect(cart.answers[0]).toMatchObject({
      status: 403,
      errorType: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
    expect(cart.outcome).toBe("matches");
    expect(find(probe, "preflight", "GET", "/account").outcome).toBe("matches");
    expect(find(probe, "preflight", "GET", "/admin/{proxy+}").outcome).toBe("matches");
  });

  it("records the CORS headers and what the browser makes of them", () => {
    const put = find(probe, "preflight", "PUT", "/products/{id}");
    expect(put.answers[0]?.cors).toMatchObject({ "access-control-allow-origin": "*", "access-control-allow-methods": "GET,OPTIONS" });
    expect(put.answers[0]).toMatchObject({ status: 200, browser: "blocked", blockedBecause: "Access-Control-Allow-Methods lacks PUT" });
    expect(put.prediction).toMatchObject({ status: 200, browser: "blocked" });
    expect(put.outcome).toBe("matches");
    const newsletter = find(probe, "preflight", "POST", "/newsletter");
    expect(newsletter.answers[0]?.blockedBecause).toContain('is "https://shop.example.com,https://m.shop.example.com"');
  });

  it("has no prediction mismatches on the storefront", () => {
    expect(probe.findings.filter((f) => f.kind === "prediction-mismatch")).toEqual([]);
  });

  it("is kept with the audit: the stored-report schema keeps it whole, JSON and Markdown exports carry it", () => {
    const withProbe: AuditReport = { ...report, probe };
    expect(auditReportSchema.parse(withProbe).probe).toEqual(probe);
    expect(auditReportSchema.parse(report).probe).toBeUndefined();
    expect(JSON.parse(renderJsonReport(withProbe).content).probe).toEqual(probe);
    const markdown = renderMarkdownReport(withProbe).content;
    expect(markdown).toContain("## Live probe of stage prod");
    expect(markdown).toContain(
      "| OPTIONS /products/{id} (for PUT) | https://shop.example.com | 200, with Allow-Origin, browser blocks | 200 ×3 | blocked: Access-Control-Allow-Methods lacks PUT | matches |",
    );
  });
});

describe("the method-scoped authorizer cache", () => {
  it("is observed as intermittent when several callers each reach a different method first", async () => {
    const planned = await planStageProbe({
      connection,
      report,
      stage: "prod",
      options: { repeat: 5, spacingMs: 10, actual: true, identities: ["allow-ann", "allow-bob", "allow-cy", "allow-dee", "allow-eve"] },
    });
    if (!planned.ok) throw new Error(planned.reason);
    const probe = await runProbe(planned.plan);
    const guarded = probe.checks.filter((c) => c.kind === "actual" && c.prediction.mayVary);
    expect(guarded.map((c) => c.path).sort()).toEqual(["/admin/{proxy+}", "/orders/{id}", "/products", "/products/{id}"]);
    const intermittent = guarded.filter((c) => c.outcome === "intermittent");
    expect(intermittent.length).toBeGreaterThan(0);
    for (const check of intermittent) expect(new Set(check.answers.map((a) => a.status))).toEqual(new Set([200, 403]));
    const finding = probe.findings.find((f) => f.kind === "intermittent-answer");
    expect(finding?.message).toContain("as predicted");
    // Only safe methods are sent as actual requests; the identities' values are never kept.
    expect(new Set(probe.checks.filter((c) => c.kind === "actual").map((c) => c.verb))).toEqual(new Set(["GET"]));
    expect(JSON.stringify(probe)).not.toContain("allow-ann");
  });
});

describe("refusals", () => {
  it("refuses a plan above the request limit before sending anything", async () => {
    const planned = await planStageProbe({ connection, report, stage: "prod", options: { repeat: 20, maxRequests: 100 } });
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.reason).toMatch(/would send \d+ requests .* above the limit of 100/);
  });

  it("reports a PRIVATE API as not probeable from here", async () => {
    const privateReport = structuredClone(report);
    privateReport.model.api.endpointTypes = ["PRIVATE"];
    const planned = await planStageProbe({ connection, report: privateReport, stage: "prod" });
    expect(planned).toEqual({ ok: false, reason: expect.stringContaining("PRIVATE") });
  });

  it("refuses an unknown stage", async () => {
    const planned = await planStageProbe({ connection, report, stage: "nope" });
    expect(planned.ok).toBe(false);
  });
});
