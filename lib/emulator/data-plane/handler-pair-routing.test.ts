import { afterEach, describe, expect, it } from "vitest";
import { MEASUREMENTS } from "@/lib/routing/measurements";
import type { MethodWire } from "../state";
import { createFixtureApi, method, mockIntegration, startDataPlane, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A MOCK method that names the resource serving it, as the measurements' MOCK integrations did. */
function servedBy(verb: string, path: string, overrides: Partial<MethodWire> = {}): MethodWire {
  return method(verb, {
    methodIntegration: mockIntegration(200, {
      "200": { statusCode: "200", responseTemplates: { "application/json": JSON.stringify({ served_by: path }) } },
    }),
    ...overrides,
  });
}

describe("the data plane reproduces the published routing measurements over HTTP", () => {
  for (const measured of MEASUREMENTS) {
    it(measured.source, async () => {
      const fixture = createFixtureApi();
      for (const [path, verbs] of Object.entries(measured.resources)) {
        fixture.putResource(path, Object.fromEntries(verbs.map((verb) => [verb, servedBy(verb, path)])));
      }
      fixture.deploy();
      running = await startDataPlane(fixture);

      for (const row of measured.rows) {
        const response = await fetch(`${running.stageUrl()}${row.path}`, { method: row.verb });
        const label = `${row.verb} ${row.path}`;
        if (row.servedBy === null) {
          expect(response.status, label).toBe(403);
          expect(response.headers.get("x-amzn-errortype"), label).toBe("MissingAuthenticationTokenException");
          expect(await response.json(), label).toEqual({ message: "Missing Authentication Token" });
        } else {
          expect(response.status, label).toBe(200);
          expect(await response.json(), label).toEqual({ served_by: row.servedBy });
        }
      }
    });
  }

  it("routes before authorizing: an AWS_IAM POST /admin does not hold GET /admin from an open {proxy+} (ministack #1423)", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/{proxy+}", { ANY: servedBy("ANY", "/{proxy+}") });
    fixture.putResource("/admin", { POST: servedBy("POST", "/admin", { authorizationType: "AWS_IAM" }) });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const unsigned = await fetch(`${running.stageUrl()}/admin`, { method: "POST" });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: "Missing Authentication Token" });
    for (const verb of ["GET", "DELETE"]) {
      const response = await fetch(`${running.stageUrl()}/admin`, { method: verb });
      expect(await response.json(), verb).toEqual({ served_by: "/{proxy+}" });
    }
  });

  it("sends the preflight of a method-less intermediate resource to the ancestor proxy's authorizer", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/{proxy+}", { ANY: servedBy("ANY", "/{proxy+}", { authorizationType: "AWS_IAM" }) });
    fixture.putResource("/orders", {});
    fixture.putResource("/orders/{id}", { GET: servedBy("GET", "/orders/{id}") });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const preflight = await fetch(`${running.stageUrl()}/orders/7`, { method: "OPTIONS" });
    expect(preflight.status).toBe(403);
    expect(await preflight.json()).toEqual({ message: "Missing Authentication Token" });
    // The 403 above came from ANY /{proxy+}'s IAM check, not from a missing route: a signed-looking call gets further.
    expect((await fetch(`${running.stageUrl()}/orders/7`)).status).toBe(200);
  });
});
