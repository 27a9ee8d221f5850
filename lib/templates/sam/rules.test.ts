/**
 * The real audit (normalizeApi + runRules) over SAM corpus templates: the findings each one must produce,
 * derived by reading the template (what SAM generates and what a browser's preflight then meets), and where
 * each finding's element was written.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSamTemplate } from "@/lib/templates/sam";
import { normalizeApi } from "@/lib/model/normalize";
import { runRules } from "@/lib/audit/run-rules";
import { elementKey, type TemplateApi } from "@/lib/templates/types";
import { directoryContext, materialize } from "@/lib/templates/sam/testing/corpus";

const SAM = "/work/shared/corpus/sam";
const SAM_MORE = "/work/shared/corpus-more/sam";
const TRANSLATOR_INPUT = "aws__serverless-application-model__tests__translator__input__";

function read(file: string): TemplateApi[] {
  const { dir, entry } = materialize(file);
  const result = readSamTemplate(entry, directoryContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.apis;
}

function audit(api: TemplateApi, variant = 0) {
  const chosen = api.variants[variant];
  if (!chosen) throw new Error(`${api.name} has no variant ${variant}`);
  const { model, warnings } = normalizeApi(chosen.snapshot);
  expect(warnings).toEqual([]);
  const run = runRules(model);
  const rows = (ruleId: string) =>
    run.findings
      .filter((f) => f.ruleId === ruleId)
      .map((f) => `${f.target.path ?? ""} ${f.target.httpMethod ?? ""} ${f.target.authorizerId ?? ""}`.trim())
      .sort();
  return { run, rows, variant: chosen };
}

describe("rules over SAM templates", () => {
  it("api_with_cors_and_auth_preflight_auth: the generated OPTIONS carry the REQUEST DefaultAuthorizer (AddDefaultAuthorizerToCorsPreflight defaults to true)", () => {
    const [api] = read(join(SAM, `${TRANSLATOR_INPUT}api_with_cors_and_auth_preflight_auth.yaml`));
    const { rows, variant, run } = audit(api!);
    expect(rows("options-requires-authorization")).toEqual(["/ OPTIONS MyLambdaRequestAuth", "/any OPTIONS MyLambdaRequestAuth"]);
    expect(run.notEvaluated).toEqual([]);
    // The finding points at what produced the OPTIONS method: the Cors setting in Globals.Api (line 3).
    expect(variant.locations[elementKey({ kind: "method", path: "/", httpMethod: "OPTIONS" })]).toMatchObject({
      file: "template.yaml",
      line: 3,
      column: 5,
    });
    // The GET method points at its event (GetHtml, line 13), the authorizer at its Auth.Authorizers entry.
    expect(variant.locations[elementKey({ kind: "method", path: "/", httpMethod: "GET" })]).toMatchObject({ line: 13, column: 9 });
    expect(variant.locations[elementKey({ kind: "authorizer", id: "MyLambdaRequestAuth" })]).toMatchObject({ line: 42 });
  });

  it("api_with_cors_and_auth_no_preflight_auth: AddDefaultAuthorizerToCorsPreflight false keeps OPTIONS open", () => {
    const [api] = read(join(SAM, `${TRANSLATOR_INPUT}api_with_cors_and_auth_no_preflight_auth.yaml`));
    const { rows } = audit(api!);
    expect(rows("options-requires-authorization")).toEqual([]);
    expect(rows("options-requires-api-key")).toEqual([]);
  });

  it("api_cognito_auth example: every generated OPTIONS needs the Cognito token; Authorizer NONE opens GET /, /users and /users/{userId}", () => {
    const [api] = read(join(SAM, "aws__serverless-application-model__examples__2016-10-31__api_cognito_auth__template.yaml"));
    const { rows } = audit(api!);
    expect(rows("options-requires-authorization")).toEqual([
      "/ OPTIONS MyCognitoAuthorizer",
      "/users OPTIONS MyCognitoAuthorizer",
      "/users/{userId} OPTIONS MyCognitoAuthorizer",
      "/{proxy+} OPTIONS MyCognitoAuthorizer",
    ]);
    expect(rows("method-open-to-everyone")).toEqual(["/ GET", "/users GET", "/users/{userId} GET", "/{proxy+} ANY"]);
  });

  it("api_rest_paths_with_if_condition_swagger: OPTIONS /post needs the authorizer and the API key (Globals Auth with ReauthorizeEvery 37)", () => {
    const [api] = read(join(SAM, `${TRANSLATOR_INPUT}api_rest_paths_with_if_condition_swagger.yaml`));
    // FalseCondition is a constant (!Equals [true, false]): one variant, its false branch.
    expect(api!.variants.map((v) => v.assumptions)).toEqual([{}]);
    const { rows, variant } = audit(api!);
    expect(rows("options-requires-authorization")).toEqual(["/post OPTIONS MyLambdaAuthUpdated"]);
    expect(rows("options-requires-api-key")).toEqual(["/post OPTIONS"]);
    expect(variant.snapshot.authorizers?.[0]?.authorizerResultTtlInSeconds).toBe(37);
  });

  it("api_with_cors_and_apikey: AddApiKeyRequiredToCorsPreflight false, set only in Globals, still reaches the API's Auth (dictionaries merge)", () => {
    const [api] = read(join(SAM, `${TRANSLATOR_INPUT}api_with_cors_and_apikey.yaml`));
    const { rows } = audit(api!);
    expect(rows("options-requires-api-key")).toEqual([]);
  });

  it("serverless-rest-api (AWS::Include swagger): only AddDefaultAuthorizerToCorsPreflight is false, so every OPTIONS requires the API key", () => {
    const [api] = read(join(SAM_MORE, "aws-samples__serverless-samples__serverless-rest-api__python-rest-sam__template.yaml"));
    expect(api!.files).toEqual(["template.yaml", "src/api/swagger.yaml"]);
    const { rows, variant } = audit(api!);
    expect(rows("options-requires-api-key")).toEqual([
      "/locations OPTIONS",
      "/locations/{locationid} OPTIONS",
      "/locations/{locationid}/resources OPTIONS",
      "/locations/{locationid}/resources/{resourceid} OPTIONS",
      "/locations/{locationid}/resources/{resourceid}/bookings OPTIONS",
      "/users/{userid}/bookings OPTIONS",
      "/users/{userid}/bookings/{bookingid} OPTIONS",
    ]);
    expect(rows("options-requires-authorization")).toEqual([]);
    // GET /locations was written in the included file, line 14.
    expect(variant.locations[elementKey({ kind: "method", path: "/locations", httpMethod: "GET" })]).toMatchObject({
      file: "src/api/swagger.yaml",
      line: 14,
    });
  });

  it("owasp payment: DefaultAuthorizer AWS_IAM reaches the generated OPTIONS", () => {
    const [api] = read(
      join(
        SAM_MORE,
        "aws-samples__serverless-samples__owasp-api-security-controls-demo__owasp-api-security-controls-demo__payment__template.yaml",
      ),
    );
    const { rows } = audit(api!);
    expect(rows("options-requires-authorization")).toEqual(["/makePayment OPTIONS"]);
  });

  it("apigw-cache-invalidation-eventbridge: no OPTIONS for /pets/{id} nor for the JSON POST /pets, and its cached GET stores unencrypted data", () => {
    const [api] = read(join(SAM, "aws-samples__serverless-patterns__apigw-cache-invalidation-eventbridge__template.yaml"));
    const { rows, run } = audit(api!);
    // POST /pets declares no request model and its integration reads $input.json('$.message'): a page sends it JSON,
    // which the browser preflights (a POST is simple only with a form or text/plain Content-Type).
    expect(rows("missing-preflight")).toEqual(["/pets", "/pets/{id}"]);
    expect(
      run.findings
        .filter((f) => f.ruleId === "cache-data-not-encrypted")
        .map((f) => `${f.target.stage} ${f.target.path} ${f.target.httpMethod}`),
    ).toEqual(["Prod /pets/{id} GET"]);
  });

  it("apigw-usage-plans: API keys on every method and no CORS: nothing about preflight", () => {
    const [api] = read(join(SAM, "aws-samples__serverless-patterns__apigw-usage-plans__template.yaml"));
    const { run } = audit(api!);
    expect(
      run.findings.filter((f) => ["options-requires-api-key", "options-requires-authorization", "missing-preflight"].includes(f.ruleId)),
    ).toEqual([]);
  });
});
