import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiModel } from "@/lib/model/types";
import { browserEvidence, MAX_BROWSER_EVIDENCE, servesBrowsers } from "@/lib/rules/support/serves-browsers";
import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import { api } from "@/lib/rules/testing/model-builder";
import { randomModel } from "@/lib/rules/testing/random-models";

/**
 * browserEvidence stops at the first MAX_BROWSER_EVIDENCE signs (issue 16: it used to describe every OPTIONS of the
 * API, and rules quote at most five). The full scan it replaced is kept here as the reference: the answer must be its
 * first five, and servesBrowsers must say "yes" exactly when the full scan finds anything.
 */
function reference(model: ApiModel): string[] {
  const isCorsKey = (key: string) => /\.header\.access-control-/i.test(key);
  const evidence: string[] = [];
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      const where = `${method.httpMethod} ${method.path}`;
      if (method.httpMethod === "OPTIONS") evidence.push(`${where} exists`);
      else if (method.methodResponses.some((r) => Object.keys(r.responseParameters).some(isCorsKey)))
        evidence.push(`${where} declares Access-Control-* response headers`);
      else if (method.integration?.integrationResponses.some((r) => Object.keys(r.responseParameters).some(isCorsKey)))
        evidence.push(`${where} maps Access-Control-* headers`);
      else if (
        method.integration?.integrationResponses.some((r) =>
          [...overriddenHeaders(r.responseTemplates).keys()].some((h) => h.startsWith("access-control-")),
        )
      )
        evidence.push(`${where} sets Access-Control-* headers in a response mapping template`);
    }
  }
  for (const response of model.gatewayResponses) {
    if (!response.isDefault && Object.keys(response.responseParameters).some(isCorsKey))
      evidence.push(`gateway response ${response.responseType} sets Access-Control-* headers`);
  }
  return evidence;
}

describe("browserEvidence", () => {
  it("is the full scan's first five signs, on random models", () => {
    fc.assert(
      fc.property(randomModel, (model) => {
        const full = reference(model);
        expect(browserEvidence(model)).toEqual(full.slice(0, MAX_BROWSER_EVIDENCE));
        expect(servesBrowsers(model)).toBe(full.length > 0);
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it("stops at five signs, in model order, and reaches the gateway responses only when the methods give fewer", () => {
    let many = api();
    for (const path of ["/a", "/b", "/c", "/d", "/e", "/f"]) many = many.resource(path, (r) => r.method("GET").cors());
    expect(browserEvidence(many.build())).toEqual([
      "OPTIONS /a exists",
      "OPTIONS /b exists",
      "OPTIONS /c exists",
      "OPTIONS /d exists",
      "OPTIONS /e exists",
    ]);

    const few = api()
      .resource("/a", (r) => r.method("GET", (m) => m.response("200", { "Access-Control-Allow-Origin": null })))
      .resource("/b", (r) =>
        r.method("GET", (m) => m.responseTemplate("200", "#set($context.responseOverride.header.Access-Control-Allow-Origin = '*')")),
      )
      .gatewayResponse("DEFAULT_4XX", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .build();
    expect(browserEvidence(few)).toEqual([
      "GET /a declares Access-Control-* response headers",
      "GET /b sets Access-Control-* headers in a response mapping template",
      "gateway response DEFAULT_4XX sets Access-Control-* headers",
    ]);
  });

  it("finds nothing on an API without a sign of browser callers", () => {
    const model = api()
      .resource("/a", (r) => r.method("PUT"))
      .build();
    expect(browserEvidence(model)).toEqual([]);
    expect(servesBrowsers(model)).toBe(false);
  });
});
