import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";
import { apiModelSchema } from "@/lib/model/schema";
import { FILES_API_ID, FILES_ORIGIN } from "@/lib/emulator/seeds/files";
import { LAMBDA_PROXY_API_ID, LAMBDA_PROXY_ORIGIN } from "@/lib/emulator/seeds/lambda-proxy";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";

/**
 * Issue 14, proof: for each data-plane symptom of the second edition's rules, the live audit of the
 * storefront (real reader, real rules) predicts it, and the emulator's data plane, driven over real
 * HTTP like a browser would, answers exactly that.
 */
let emulator: Emulator;
let connection: Connection;
let report: AuditReport;

beforeAll(async () => {
  ({ emulator, connection } = await startEmulatorWithDemoConnection());
  const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  report = result.report;
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => emulator.reset());

const finding = (ruleId: string, path: string) => report.findings.find((f) => f.ruleId === ruleId && f.target.path === path);
const invoke = (stage: string, path: string, init: RequestInit = {}) =>
  fetch(`${emulator.url}/restapis/${STOREFRONT_API_ID}/${stage}/_user_request_${path}`, init);

describe("second edition: the rule's prediction is what the data plane answers", () => {
  it("cache-control-fails-with-403: a reload (Cache-Control: max-age=0) of cached GET /catalog on prod is 403", async () => {
    const predicted = report.findings.find(
      (f) => f.ruleId === "cache-control-fails-with-403" && f.target.stage === "prod" && f.target.path === "/catalog",
    );
    expect(predicted?.message).toContain("FAIL_WITH_403");
    expect((await invoke("prod", "/catalog")).status).toBe(200);
    const reload = await invoke("prod", "/catalog", { headers: { "Cache-Control": "max-age=0", Origin: "https://shop.example.com" } });
    expect(reload.status).toBe(403);
    // The same reload against dev (no cache cluster) is answered normally.
    expect((await invoke("dev", "/catalog", { headers: { "Cache-Control": "max-age=0" } })).status).toBe(200);
  });
});

describe("second edition: authorizer cache", () => {
  it("request-authorizer-keyed-on-route: after one signed-in call, a caller without a session gets the cached Allow", async () => {
    const predicted = report.findings.find((f) => f.ruleId === "request-authorizer-keyed-on-route");
    expect(predicted?.message).toContain("context.httpMethod and context.resourcePath");
    expect(predicted?.message).toContain("GET /wishlist");
    // Alone, a caller without a session is refused by the Lambda (401 Unauthorized)...
    expect((await invoke("prod", "/wishlist")).status).toBe(401);
    emulator.reset();
    // ...but once Jane's Allow is cached under the route, the same anonymous call succeeds.
    expect((await invoke("prod", "/wishlist", { headers: { "X-Session": "allow-jane" } })).status).toBe(200);
    const anonymous = await invoke("prod", "/wishlist");
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ wishlist: ["p-1"] });
  });
});

describe("second edition: the lambda-proxy demo", () => {
  it("authorized-any-without-cors-evidence: the preflight gets 401 before the Lambda that sets CORS runs", async () => {
    const result = await runAudit({ connection, region: "us-east-1", restApiId: LAMBDA_PROXY_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const predicted = result.report.findings.find(
      (f) => f.ruleId === "authorized-any-without-cors-evidence" && f.target.path === "/{proxy+}",
    );
    expect(predicted).toMatchObject({ severity: "low", stages: ["prod"] });
    expect(predicted?.message).toContain('401 {"message":"Unauthorized"}');
    expect(result.report.findings.filter((f) => f.ruleId === "any-method-answers-preflight")).toEqual([]);

    const url = `${emulator.url}/restapis/${LAMBDA_PROXY_API_ID}/prod/_user_request_/profile`;
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: { Origin: LAMBDA_PROXY_ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    expect(preflight.status).toBe(401);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    // A signed-in call reaches the Lambda, which does set the CORS headers: the configuration just cannot show them.
    const actual = await fetch(url, { headers: { Origin: LAMBDA_PROXY_ORIGIN, Authorization: "cognito:us-east-1_LambdaPrx:jane" } });
    expect(actual.status).toBe(200);
    expect(actual.headers.get("access-control-allow-origin")).toBe(LAMBDA_PROXY_ORIGIN);
  });
});

describe("second edition: origins", () => {
  it("cors-origin-misconfigured: the preflight of /newsletter names two origins, which no browser accepts", async () => {
    const predicted = finding("cors-origin-misconfigured", "/newsletter");
    expect(predicted?.messageId).toBe("originList");
    const preflight = await invoke("prod", "/newsletter", {
      method: "OPTIONS",
      headers: {
        Origin: "https://shop.example.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(200);
    // The Fetch CORS check compares the header with the page's origin byte for byte: neither origin equals the list.
    const allowed = preflight.headers.get("access-control-allow-origin");
    expect(allowed).toBe("https://shop.example.com,https://m.shop.example.com");
    for (const origin of ["https://shop.example.com", "https://m.shop.example.com"])
      expect(allowed === origin || allowed === "*").toBe(false);
  });
});

describe("second edition: the files demo", () => {
  it("binary-media-breaks-mock-preflight: with */* binary, the MOCK preflight answers 500 without CORS headers", async () => {
    const result = await runAudit({ connection, region: "us-east-1", restApiId: FILES_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.report.model.api.binaryMediaTypes).toEqual(["application/pdf", "*/*"]);
    // The stored-audit schema keeps the new fields (zod drops keys it does not list).
    expect(apiModelSchema.parse(result.report.model)).toEqual(result.report.model);
    const predicted = result.report.findings.find(
      (f) => f.ruleId === "binary-media-breaks-mock-preflight" && f.target.path === "/documents",
    );
    expect(predicted).toMatchObject({ severity: "high", stages: ["api"] });
    expect(predicted?.message).toContain('500 {"message":"Internal server error"}');

    const url = `${emulator.url}/restapis/${FILES_API_ID}/api/_user_request_/documents`;
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: {
        Origin: FILES_ORIGIN,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type",
        Accept: "*/*",
      },
    });
    expect(preflight.status).toBe(500);
    expect(await preflight.json()).toEqual({ message: "Internal server error" });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("second edition: resource policy", () => {
  it("resource-policy-denies-preflight: the anonymous preflight of /shares gets AWS's 403, the signed PUT does not", async () => {
    const result = await runAudit({ connection, region: "us-east-1", restApiId: FILES_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(apiModelSchema.parse(result.report.model).api.policy).toBe(result.report.model.api.policy);
    const predicted = result.report.findings.find((f) => f.ruleId === "resource-policy-denies-preflight" && f.target.path === "/shares");
    expect(predicted).toMatchObject({ messageId: "implicitDeny", severity: "high", stages: ["api"] });
    // /documents is public in the policy: no policy finding there.
    expect(result.report.findings.some((f) => f.ruleId === "resource-policy-denies-preflight" && f.target.path === "/documents")).toBe(
      false,
    );

    const url = `${emulator.url}/restapis/${FILES_API_ID}/api/_user_request_/shares`;
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: {
        Origin: FILES_ORIGIN,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "authorization,content-type,x-amz-date",
      },
    });
    expect(preflight.status).toBe(403);
    const arn = `arn:aws:execute-api:us-east-1:123456789012:${FILES_API_ID}/api/OPTIONS/shares`;
    expect(await preflight.json()).toEqual({
      message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${arn}`,
    });
    expect(predicted?.message).toContain(`User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${arn}`);
    const signed = await fetch(url, {
      method: "PUT",
      headers: {
        Authorization:
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abcd",
      },
    });
    expect(signed.status).toBe(200);
  });
});
