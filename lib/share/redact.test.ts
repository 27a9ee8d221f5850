import { describe, expect, it } from "vitest";
import { REDACTED, redactReport } from "@/lib/share/redact";
import { auditReportSchema } from "@/lib/share/report-schema";
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, reportWithPlantedSecrets } from "@/lib/share/testing/planted-secrets";
import { sampleFinding, sampleReport } from "@/lib/share/testing/sample-report";

describe("redactReport", () => {
  it("removes every planted secret, wherever it was put", () => {
    const { report, secrets } = reportWithPlantedSecrets();
    const json = JSON.stringify(redactReport(report));
    for (const secret of secrets) expect(json, `leaked ${secret}`).not.toContain(secret);
  });

  it("does not modify its input", () => {
    const { report } = reportWithPlantedSecrets();
    const before = JSON.stringify(report);
    redactReport(report);
    expect(JSON.stringify(report)).toBe(before);
  });

  it("leaves a clean report unchanged and still valid", () => {
    const report = sampleReport();
    const redacted = redactReport(report);
    expect(redacted).toEqual(report);
    expect(redacted).not.toBe(report);
    expect(auditReportSchema.safeParse(redacted).success).toBe(true);
  });

  it("keeps a report with planted secrets valid against the schema", () => {
    const { report } = reportWithPlantedSecrets();
    expect(auditReportSchema.safeParse(redactReport(report)).success).toBe(true);
  });

  it("drops stage variable values and API key objects but keeps variable names", () => {
    const { report } = reportWithPlantedSecrets();
    const redacted = redactReport(report);
    const stage = redacted.model.stages[0];
    expect(stage).toBeDefined();
    expect(stage).not.toHaveProperty("variables");
    expect(stage?.variableNames).toEqual(["backendHost", "dbPassword"]);
    expect(redacted.model).not.toHaveProperty("apiKeys");
    expect(redacted.source).toEqual({ kind: "live", connection: "demo", customEndpoint: true });
  });

  it("redacts static credential literals in mappings but keeps references", () => {
    const { report } = reportWithPlantedSecrets();
    const method = redactReport(report)
      .model.resources.flatMap((r) => r.methods)
      .find((m) => m.httpMethod === "GET");
    expect(method?.integration?.requestParameters).toEqual({
      "integration.request.header.x-api-key": `'${REDACTED}'`,
      "integration.request.header.X-Auth-Token": "method.request.header.X-Auth-Token",
    });
    expect(method?.integration?.uri).toBe(`https://backend.example.com/orders?api_key=${REDACTED}&page=1`);
  });

  it("redacts a 40-character secret only near an access key id or a secret label", () => {
    const hash = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    const near = sampleFinding("r", "low", {}, { message: `${FAKE_ACCESS_KEY_ID} ${FAKE_SECRET_ACCESS_KEY}` });
    const alone = sampleFinding("r", "low", {}, { message: `commit ${hash} deployed`, evidence: { deploymentHash: hash } });
    const [redactedNear, redactedAlone] = redactReport(sampleReport({ findings: [near, alone] })).findings;
    expect(redactedNear?.message).toBe(`${REDACTED} ${REDACTED}`);
    expect(redactedAlone?.message).toBe(`commit ${hash} deployed`);
    expect(redactedAlone?.evidence).toEqual({ deploymentHash: hash });
  });

  it("keeps CORS header lists that name credential headers", () => {
    const allowHeaders = "'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token'";
    const report = sampleReport();
    report.model.gatewayResponses = [
      {
        responseType: "DEFAULT_4XX",
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Headers": allowHeaders },
        responseTemplates: {},
        isDefault: false,
      },
    ];
    expect(redactReport(report).model.gatewayResponses).toEqual(report.model.gatewayResponses);
  });

  it("keeps prose that merely mentions credentials", () => {
    const prose = [
      "The TOKEN authorizer reads the Authorization header; Bearer tokens are cached for 300 s.",
      "Access-Control-Allow-Headers must list Authorization, X-Api-Key and Content-Type.",
      "The API key (x-api-key header) is required on OPTIONS, so the preflight fails with 403.",
    ];
    const findings = prose.map((message) => sampleFinding("r", "info", {}, { message, evidence: { allowCredentials: "true" } }));
    const redacted = redactReport(sampleReport({ findings }));
    expect(redacted.findings.map((f) => f.message)).toEqual(prose);
    expect(redacted.findings[0]?.evidence).toEqual({ allowCredentials: "true" });
  });
});
