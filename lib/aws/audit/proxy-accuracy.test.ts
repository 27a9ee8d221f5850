import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { PROXY_API_ID } from "@/lib/emulator/seeds/proxy";
import { answeredBy } from "@/lib/model/answered-by";
import { auditReportSchema } from "@/lib/share/report-schema";
import type { AuditReport } from "@/lib/audit/types";
import { runAudit } from "@/lib/aws/audit/run-live-audit";

/**
 * The SAM-layout demo ("proxy"): the findings, read through the real SDK, must agree with what the emulator's data
 * plane answers to a real preflight on every resource (same routing function on both sides, but the data plane also
 * runs the authorizer, the MOCK integrations and the gateway responses).
 */
const PREFLIGHT_RULES = new Set([
  "missing-preflight",
  "any-method-answers-preflight",
  "options-requires-authorization",
  "options-requires-api-key",
]);

// A concrete request path for a resource template: parameters become values no literal sibling has.
function concrete(path: string): string {
  return path.replace(/\{[^}]+\+\}/g, "a/b").replace(/\{([^}]+)\}/g, "v-$1");
}

describe("proxy demo: findings agree with the data plane's answer to each preflight", () => {
  let emulator: Emulator;
  let connection: Connection;
  let report: AuditReport;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
    const result = await runAudit({ connection, region: "us-east-1", restApiId: PROXY_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    report = result.report;
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  const preflight = (path: string, verb: string) =>
    fetch(`${emulator.url}/restapis/${PROXY_API_ID}/prod/_user_request_${concrete(path)}`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example.com",
        "Access-Control-Request-Method": verb,
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });

  it("reports the fall-through to the authorized proxy by the resource that answers, and no missing preflight", () => {
    const fallthrough = report.findings.find((f) => f.ruleId === "any-method-answers-preflight" && f.target.path === "/orders");
    // The fix (an open OPTIONS /orders) is one that Checkov, Powerpipe and cdk-nag flag, so the second edition's
    // disagreeing-peers sentence follows, as on every finding whose fix is add-cors-preflight (lib/rules/finding.ts).
    expect(fallthrough?.message).toBe(
      "OPTIONS /orders is answered by ANY /{proxy+}, which requires the Lambda authorizer 'jwt': 401 every time." +
        " Checkov CKV2_AWS_70, Powerpipe api_gateway_method_authorization_type_configured, cdk-nag AwsSolutions-APIG4 will flag this fix; it is intended:" +
        " CORS preflight: browsers send OPTIONS without credentials (Fetch standard), so it cannot carry an authorizer token or API key; the MOCK integration returns only CORS headers and reaches no backend.",
    );
    expect(fallthrough?.target.httpMethod).toBe("OPTIONS");
    expect(fallthrough?.stages).toEqual(["prod"]);
    expect(report.findings.find((f) => f.ruleId === "any-method-answers-preflight" && f.target.path === "/{proxy+}")?.messageId).toBe(
      "authorized",
    );
    expect(report.findings.filter((f) => f.ruleId === "missing-preflight")).toEqual([]);
    // /users/me (PATCH only) is answered by its {userId} sibling's open OPTIONS, /health needs no preflight.
    expect(
      report.findings.filter(
        (f) => PREFLIGHT_RULES.has(f.ruleId) && ["/users/me", "/health", "/orders/{id}/items"].includes(f.target.path ?? ""),
      ),
    ).toEqual([]);
  });

  it("stores the report without losing a field (the share schema keeps the new evidence)", () => {
    expect(auditReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("answers each resource's preflight over HTTP as the findings and the model's answeredBy say", async () => {
    const checked: string[] = [];
    for (const resource of report.model.resources) {
      if (resource.path === "/") continue;
      const verb = resource.methods.find((m) => m.httpMethod !== "OPTIONS" && m.httpMethod !== "ANY")?.httpMethod ?? "PUT";
      const response = await preflight(resource.path, verb);
      const answer = answeredBy(report.model, resource.path, "OPTIONS");
      const finding = report.findings.find((f) => PREFLIGHT_RULES.has(f.ruleId) && f.target.path === resource.path);
      const label = `OPTIONS ${resource.path} (answered by ${answer ? `${answer.method.httpMethod} ${answer.resource.path}` : "nothing"})`;
      if (finding) {
        // The status the finding promises is the one the data plane sends.
        const promised = Number(/\b(40[13])\b/.exec(finding.message)?.[1]);
        expect(response.status, `${label}: ${finding.message}`).toBe(promised);
      } else if (!answer) {
        expect(response.status, label).toBe(403);
      } else if (answer.method.authorizationType === "NONE" && !answer.method.apiKeyRequired) {
        expect(response.status, label).toBe(200);
        expect(response.headers.get("access-control-allow-origin"), label).toBe("https://app.example.com");
        expect(response.headers.get("access-control-allow-methods")?.split(","), label).toContain(verb);
      } else {
        // Without a finding only resources whose own methods browsers do not preflight (method-less intermediates, the
        // simple GET /health) reach the guarded proxy: the proxy's own finding covers its path space.
        expect(
          resource.methods.filter((m) => m.authorizationType !== "NONE"),
          label,
        ).toEqual([]);
        expect(response.status, label).toBe(401);
      }
      checked.push(`${label} → ${response.status}`);
    }
    expect(checked).toEqual([
      "OPTIONS /health (answered by ANY /{proxy+}) → 401",
      "OPTIONS /orders (answered by ANY /{proxy+}) → 401",
      "OPTIONS /orders/{id} (answered by ANY /{proxy+}) → 401",
      "OPTIONS /orders/{id}/items (answered by OPTIONS /orders/{id}/items) → 200",
      "OPTIONS /users (answered by ANY /{proxy+}) → 401",
      "OPTIONS /users/me (answered by OPTIONS /users/{userId}) → 200",
      "OPTIONS /users/{userId} (answered by OPTIONS /users/{userId}) → 200",
      "OPTIONS /{proxy+} (answered by ANY /{proxy+}) → 401",
    ]);
  });
});
