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

  it("redacts user-info in integration URIs and keeps the host", () => {
    const report = sampleReport();
    const method = report.model.resources.flatMap((r) => r.methods).find((m) => m.httpMethod === "GET");
    if (!method?.integration) throw new Error("sample report lost its GET integration");
    method.integration.uri = "https://svc-user:Hunter2Pass@backend.example.com/orders";
    report.findings[0]!.message = "calls ftp://deploy@files.example.com/x and http://a:b@h/ (see docs)";
    const redacted = redactReport(report);
    const uri = redacted.model.resources.flatMap((r) => r.methods).find((m) => m.httpMethod === "GET")?.integration?.uri;
    expect(uri).toBe(`https://${REDACTED}@backend.example.com/orders`);
    expect(redacted.findings[0]?.message).toBe(`calls ftp://${REDACTED}@files.example.com/x and http://${REDACTED}@h/ (see docs)`);
  });

  it("redacts every static literal of an integration request parameter, not only credential-named headers", () => {
    const report = sampleReport();
    const method = report.model.resources.flatMap((r) => r.methods).find((m) => m.httpMethod === "GET");
    if (!method?.integration) throw new Error("sample report lost its GET integration");
    method.integration.requestParameters = {
      "integration.request.header.X-Partner": "'partner-secret-42'",
      "integration.request.querystring.client": "'c-0b1d'",
      "integration.request.path.id": "method.request.path.id",
    };
    const redacted = redactReport(report)
      .model.resources.flatMap((r) => r.methods)
      .find((m) => m.httpMethod === "GET");
    expect(redacted?.integration?.requestParameters).toEqual({
      "integration.request.header.X-Partner": `'${REDACTED}'`,
      "integration.request.querystring.client": `'${REDACTED}'`,
      "integration.request.path.id": "method.request.path.id",
    });
  });

  it("redacts static string literals in request mapping templates but keeps keys, numbers and VTL references", () => {
    const report = sampleReport();
    const method = report.model.resources.flatMap((r) => r.methods).find((m) => m.httpMethod === "GET");
    if (!method?.integration) throw new Error("sample report lost its GET integration");
    method.integration.requestTemplates = {
      "application/json": `#set($key = 'plainpass99')\n{"partnerKey": "zz-partner-literal", "statusCode": 200, "body": "$input.json('$')"}`,
    };
    const template = redactReport(report)
      .model.resources.flatMap((r) => r.methods)
      .find((m) => m.httpMethod === "GET")?.integration?.requestTemplates["application/json"];
    expect(template).toBe(`#set($key = '${REDACTED}')\n{"partnerKey": "${REDACTED}", "statusCode": 200, "body": "$input.json('$')"}`);
  });

  it("redacts token-like query-string parameters of any name and keeps harmless ones", () => {
    const report = sampleReport();
    report.findings[0]!.message = "GET https://h.example.com/cb?page=2&X-Amz-Credential=abc%2F123&auth_code=zzz9&session_id=s-77&sort=asc";
    expect(redactReport(report).findings[0]?.message).toBe(
      `GET https://h.example.com/cb?page=2&X-Amz-Credential=${REDACTED}&auth_code=${REDACTED}&session_id=${REDACTED}&sort=asc`,
    );
  });

  // Review finding: 100 KB of "-eyJ" took ~5.5 s (the JWT pattern backtracked from every "eyJ": quadratic). At 1 MB that
  // is about ten minutes, far past the test timeout, while linear scrubbing takes milliseconds: no wall-clock bound
  // needed (speed is the benchmarks' job), and no loaded machine can fail it.
  it.each(["-eyJ", "-eyJa.", "Bearer 1", "secret ", "?api_key=", "https://a:", "'", '="', "a-", "Token "])(
    "scrubs 1 MB of repeated %j in linear time",
    (unit) => {
      const report = sampleReport();
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      report.findings[0]!.message = text;
      report.findings[0]!.evidence = { template: text };
      const redacted = redactReport(report);
      expect(redacted.findings[0]!.message.length).toBeGreaterThan(0);
    },
  );
});
