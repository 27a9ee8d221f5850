/**
 * The audit over every readable OpenAPI definition of the corpus, standalone: the findings each must produce,
 * derived by reading the file (which paths have an OPTIONS, what it answers, which security reaches it, which
 * gateway responses carry CORS headers). A bare definition deploys no stage, so stage rules are not evaluated.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOpenApiFile } from "@/lib/templates/openapi";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { isolatedContext } from "@/lib/templates/testing/method-table";

const CORPUS = "/work/shared/corpus/openapi/";
const MORE = "/work/shared/corpus-more/openapi/";
const SMITHY = `${CORPUS}smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__`;
// An OpenAPI definition has no stage, so every rule that judges stage settings is "not evaluated": the
// second edition's cache-control-fails-with-403 (the stage's unauthorizedCacheControlHeaderStrategy) and
// cache-key-missing-request-parameters (which methods the stage caches) among them.
const STAGE_RULES = [
  "cache-control-fails-with-403",
  "cache-data-not-encrypted",
  "cache-invalidation-unauthenticated",
  "cache-key-missing-caller-identity",
  "cache-key-missing-request-parameters",
  "deployment-drift",
  "stage-variables-look-secret",
];

function audit(file: string) {
  const result = readOpenApiFile({ path: file.split("/").pop() as string, text: readFileSync(file, "utf8") }, isolatedContext());
  if (!result.ok) throw new Error(result.error.message);
  const report = auditTemplateApi(result.apis[0]!, "2026-01-01T00:00:00.000Z");
  expect(report.notEvaluated.map((n) => n.ruleId).sort()).toEqual(STAGE_RULES);
  const rows = (ruleId: string) =>
    report.findings
      .filter((f) => f.ruleId === ruleId)
      .map((f) => [f.target.path, f.target.httpMethod, f.target.responseType].filter(Boolean).join(" "))
      .sort();
  return { report, rows };
}

describe("rules over the OpenAPI corpus", () => {
  it("smithy cors-model: generated OPTIONS opt out of sigv4 and answer the preflight; gateway responses carry CORS: no preflight finding", () => {
    const { report } = audit(`${SMITHY}cors-model.openapi.json`);
    expect(report.findings).toEqual([]);
  });

  it("smithy cors-explicit-options: the model's OPTIONS is a Lambda under root sigv4 (uncertain import): blocked preflight, lowered confidence", () => {
    const { report, rows } = audit(`${SMITHY}cors-explicit-options.openapi.json`);
    expect(rows("options-requires-authorization")).toEqual(["/foo OPTIONS"]);
    expect(report.findings.find((f) => f.ruleId === "options-requires-authorization")?.confidence).toBe("likely");
    expect(rows("preflight-proxied-to-backend")).toEqual(["/foo OPTIONS"]);
  });

  it("smithy cors-with-custom-gateway-response-headers: same OPTIONS problem, and DEFAULT_4XX/5XX without CORS headers (only ACCESS_DENIED has them)", () => {
    const { rows } = audit(`${SMITHY}cors-with-custom-gateway-response-headers.openapi.json`);
    expect(rows("options-requires-authorization")).toEqual(["/foo OPTIONS"]);
    expect(rows("error-responses-without-cors")).toEqual(["DEFAULT_4XX", "DEFAULT_5XX"]);
  });

  it("apigw-cache-invalidation-eventbridge api.yaml: no OPTIONS anywhere; /pets/{id} is called with a non-simple method, POST /pets with JSON", () => {
    const { rows } = audit(`${CORPUS}aws-samples__serverless-patterns__apigw-cache-invalidation-eventbridge__api.yaml`);
    // POST /pets has no request model and its integration reads $input.json('$.message'): pages send it JSON, which is preflighted.
    expect(rows("missing-preflight")).toEqual(["/pets", "/pets/{id}"]);
    expect(rows("actual-response-without-cors")).toEqual(["/pets POST", "/pets/{id} DELETE", "/pets/{id} GET", "/pets/{id} PUT"]);
  });

  it("apigw-ddb-openapi-crud: the same shape at / and /{id}", () => {
    const { rows } = audit(`${MORE}aws-samples__serverless-patterns__apigw-ddb-openapi-crud__api.yaml`);
    // The JSON POST / (its template reads $input.json('$.message')) is preflighted as well as PUT/DELETE /{id}.
    expect(rows("missing-preflight")).toEqual(["/", "/{id}"]);
  });

  it("apigw-kinesis-lambda-ddb: its x-amazon-apigateway-cors does nothing for a REST API; one open POST", () => {
    const { report, rows } = audit(`${MORE}aws-samples__serverless-patterns__apigw-kinesis-lambda-ddb__api.yaml`);
    expect(rows("method-open-to-everyone")).toEqual(["/submit/{streamName}/{eventId} POST"]);
    expect(report.warnings.some((w) => /x-amazon-apigateway-cors configures HTTP APIs only/.test(w.message))).toBe(true);
  });

  it("serverless-rest-api swagger.yaml: no OPTIONS on any of its seven paths behind a TOKEN authorizer", () => {
    const { rows } = audit(`${MORE}aws-samples__serverless-samples__serverless-rest-api__python-rest-sam__src__api__swagger.yaml`);
    expect(rows("missing-preflight")).toHaveLength(7);
    expect(rows("options-requires-authorization")).toEqual([]);
  });
});
