import { describe, expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithCorsAndAuthPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";
import { SEVERITIES } from "@/lib/rules/types";
import { runRules } from "./run-rules";

describe("runRules", () => {
  it("renders messages and sorts findings by severity", () => {
    const { findings, notEvaluated } = runRules(samApiWithCorsAndAuthPreflightAuth());
    expect(notEvaluated).toEqual([]);
    expect(findings.length).toBeGreaterThan(3);
    const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]).toMatchObject({
      ruleId: "options-requires-authorization",
      severity: "high",
      target: { path: "/", httpMethod: "OPTIONS" },
    });
    for (const finding of findings) expect(finding.message).not.toContain("{{");
  });

  it("reports rules whose parts are missing as not evaluated instead of passing them", () => {
    const model = api()
      .resource("/orders", (r) => r.method("PUT").cors())
      .stage("prod")
      .missing("gatewayResponses", "GetGatewayResponses")
      .build();
    const { findings, notEvaluated } = runRules(model);
    expect(notEvaluated).toEqual([{ ruleId: "error-responses-without-cors", missing: ["gatewayResponses"] }]);
    expect(findings.some((f) => f.ruleId === "error-responses-without-cors")).toBe(false);
  });

  it("finds nothing above info on a correctly configured browser API", () => {
    const model = api()
      .authorizer("jwt", { type: "TOKEN", ttl: 0 })
      // The path parameter belongs in the cache key too (cache-key-missing-request-parameters).
      .resource("/orders/{id}", (r) =>
        r
          .method("GET", (m) => m.authorizer("jwt").cacheKey("method.request.path.id", "method.request.header.Authorization"))
          .method("PUT", (m) => m.authorizer("jwt"))
          .cors(),
      )
      .resource("/products", (r) => r.method("GET").cors())
      .gatewayResponse("DEFAULT_4XX", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .gatewayResponse("DEFAULT_5XX", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true, cacheDataEncrypted: true }))
      .build();
    const { findings } = runRules(model);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(["method-open-to-everyone"]);
  });
});
