import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { PlannedCheck, ProbePlan } from "./plan";
import { runProbe } from "./run-probe";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.closeAllConnections?.() ?? server.close(resolve))));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const PREDICTED_200 = { status: 200, allowOrigin: "present" as const, reason: "MOCK" };

function planFor(base: string, overrides: Partial<PlannedCheck> = {}, repeat = 1, timeoutMs = 2_000): ProbePlan {
  const check: PlannedCheck = {
    id: "preflight:GET:/x:https://app.example.com",
    kind: "preflight",
    path: "/x",
    requestPath: "/x",
    url: `${base}/x`,
    verb: "GET",
    cell: { path: "/x", verb: "OPTIONS" },
    origin: "https://app.example.com",
    requestHeaders: "authorization",
    withIdentity: false,
    prediction: PREDICTED_200,
    ...overrides,
  };
  return {
    target: { kind: "endpoint-data-plane", base, alsoServedAt: [] },
    stage: "prod",
    checks: [check],
    origins: [check.origin],
    identities: [],
    budget: { requests: repeat, checks: 1, repeat, concurrency: 2, timeoutMs, spacingMs: 0, maxSeconds: 10 },
  };
}

describe("runProbe", () => {
  it("sends the browser's preflight headers", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const origin = await serve((req, res) => {
      seen.push({ method: req.method, ...req.headers });
      res.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end();
    });
    const base = `${origin}/restapis/abcdefghij/prod/_user_request_`;
    await runProbe(planFor(base));
    expect(seen[0]).toMatchObject({
      method: "OPTIONS",
      origin: "https://app.example.com",
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
    });
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it("records a redirect and never follows it", async () => {
    let followed = 0;
    const elsewhere = await serve((_req, res) => {
      followed += 1;
      res.writeHead(200).end();
    });
    const origin = await serve((_req, res) => res.writeHead(302, { Location: `${elsewhere}/stolen` }).end());
    const probe = await runProbe(planFor(`${origin}/restapis/abcdefghij/prod/_user_request_`, {}, 2));
    expect(followed).toBe(0);
    expect(probe.checks[0]?.answers.map((a) => [a.status, a.location, a.browser])).toEqual([
      [302, `${elsewhere}/stolen`, "blocked"],
      [302, `${elsewhere}/stolen`, "blocked"],
    ]);
    expect(probe.findings.map((f) => f.kind).sort()).toEqual(["prediction-mismatch", "redirect"]);
  });

  it("gives up after the timeout and records it as an observation", async () => {
    const origin = await serve(() => {
      // Never answers.
    });
    const started = performance.now();
    const probe = await runProbe(planFor(`${origin}/restapis/abcdefghij/prod/_user_request_`, {}, 1, 200));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(probe.checks[0]?.answers[0]).toMatchObject({ status: 0, failure: "timeout" });
    expect(probe.checks[0]?.outcome).toBe("no-answer");
  });

  it("refuses a request whose URL is not under the target, sending nothing", async () => {
    const calls: string[] = [];
    const plan = planFor("http://127.0.0.1:9/restapis/abcdefghij/prod/_user_request_", { url: "https://attacker.example.com/x" }, 3);
    const probe = await runProbe(plan, {
      fetch: async (url) => {
        calls.push(url);
        return new Response(null, { status: 200 });
      },
    });
    expect(calls).toEqual([]);
    expect(probe.sent).toBe(0);
  });

  it("never sends more than the budget, and calls answers that change between repeats intermittent", async () => {
    let n = 0;
    const origin = await serve((_req, res) => {
      n += 1;
      if (n % 2 === 0)
        res
          .writeHead(403, { "x-amzn-ErrorType": "AccessDeniedException", "Content-Type": "application/json" })
          .end('{"message":"User is not authorized"}');
      else res.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end();
    });
    const plan = planFor(`${origin}/restapis/abcdefghij/prod/_user_request_`, {}, 4);
    plan.budget.requests = 3;
    const probe = await runProbe(plan);
    expect(n).toBe(3);
    expect(probe.sent).toBe(3);
    expect(probe.checks[0]?.outcome).toBe("intermittent");
    expect(probe.checks[0]?.answers[1]).toMatchObject({
      status: 403,
      errorType: "AccessDeniedException",
      message: "User is not authorized",
    });
    expect(probe.findings[0]).toMatchObject({ kind: "intermittent-answer", severity: "high" });
  });
});
