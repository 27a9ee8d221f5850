/**
 * Every CloudFormation and CDK file of the shared corpora, read and audited. Expectations were derived by reading
 * each file (its AWS::ApiGateway::* resources, or the `security` of each operation of its Body), not by recording
 * this reader's output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { isolatedContext, methodTable } from "@/lib/templates/testing/method-table";
import { normalizeApi } from "@/lib/model/normalize";
import { runRules } from "@/lib/audit/run-rules";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { TemplateApi } from "@/lib/templates/types";

const DIRS = [
  "/work/shared/corpus/cloudformation",
  "/work/shared/corpus/cdk",
  "/work/shared/corpus-more/cloudformation",
  "/work/shared/corpus-more/cdk",
];

interface Expected {
  format: "cloudformation" | "cdk";
  /** Per API (by logical id): methods as "PATH VERB authorizationType authorizerId|- key|-". */
  methods: Record<string, string[]>;
  /** "id TYPE ttl" with the TTL as configured ("-" when unset, i.e. API Gateway's 300 s). */
  authorizers?: Record<string, string[]>;
  /** "name deploymentId cacheClusterEnabled" per stage. */
  stages?: Record<string, string[]>;
  /** Pieces of each gap the API reports, in order (none unless listed). */
  gaps?: string[];
}

const SAM = "aws__serverless-application-model__tests__translator__output__";
const CDK_INTEG = "aws__aws-cdk__packages__aws-cdk-testing__framework-integ__test__aws-apigateway__test__authorizers__";
const CONSTRUCTS = "awslabs__aws-solutions-constructs__source__patterns__aws-solutions-constructs__";

const EXPECTED: Record<string, Expected> = {
  "aws-samples__serverless-patterns__apigw-lambda-authorizer__template.yaml": {
    format: "cloudformation",
    methods: { AppApi: ["/ GET CUSTOM AuthorizersLambdaToken -"] },
    authorizers: { AppApi: ["AuthorizersLambdaToken TOKEN -"] },
    stages: { AppApi: ["Prod Deployment -"] },
  },
  "aws-samples__serverless-patterns__apigw-method-cache__template.yaml": {
    format: "cloudformation",
    methods: { AppApi: ["/ GET NONE - -"] },
    stages: { AppApi: ["Prod Deployment true"] },
  },
  [`${SAM}api_rest_paths_with_if_condition_swagger.json`]: {
    format: "cloudformation",
    // Both Fn::If branches of /post hold the same methods; FalseCondition is the constant Equals [true, false].
    methods: { MyApi: ["/post OPTIONS CUSTOM MyLambdaAuthUpdated key", "/post POST CUSTOM MyLambdaAuthUpdated key"] },
    authorizers: { MyApi: ["MyLambdaAuthUpdated TOKEN 37"] },
    stages: { MyApi: ["Stage MyApiDeploymenta2f95cf6c6 -", "dev MyApiDeploymenta2f95cf6c6 -"] },
  },
  [`${SAM}api_with_auth_all_maximum.json`]: {
    format: "cloudformation",
    methods: {
      MyApi: [
        "/ GET NONE - key",
        "/any/cognitomultiple ANY COGNITO_USER_POOLS MyCognitoAuthMultipleUserPools key",
        "/any/default ANY COGNITO_USER_POOLS MyCognitoAuth key",
        "/any/lambdarequest ANY CUSTOM MyLambdaRequestAuth key",
        "/any/lambdatoken ANY CUSTOM MyLambdaTokenAuth key",
        "/any/lambdatokennone ANY CUSTOM MyLambdaTokenAuthNoneFunctionInvokeRole key",
        "/any/noauth ANY NONE - key",
        "/users DELETE CUSTOM MyLambdaRequestAuth key",
        "/users GET CUSTOM MyLambdaTokenAuth key",
        "/users PATCH CUSTOM MyLambdaTokenAuthNoneFunctionInvokeRole key",
        "/users POST COGNITO_USER_POOLS MyCognitoAuthMultipleUserPools key",
        "/users PUT COGNITO_USER_POOLS MyCognitoAuth key",
      ],
    },
    authorizers: {
      MyApi: [
        "MyCognitoAuth COGNITO_USER_POOLS -",
        "MyCognitoAuthMultipleUserPools COGNITO_USER_POOLS -",
        "MyLambdaRequestAuth REQUEST 0",
        "MyLambdaTokenAuth TOKEN 20",
        "MyLambdaTokenAuthNoneFunctionInvokeRole TOKEN 0",
      ],
    },
    stages: { MyApi: ["Prod MyApiDeployment563edb7c42 -", "Stage MyApiDeployment563edb7c42 -"] },
    // SAM writes `security: [{ NONE: [] }, { api_key: [] }]` for Auth.Authorizer NONE. Such APIs deploy (SAM's own
    // examples), so the OpenAPI reader reads the NONE marker as no authorization, without a gap.
    gaps: [],
  },
  [`${SAM}api_with_cors_and_apikey.json`]: {
    format: "cloudformation",
    methods: { MyApi: ["/apione GET NONE - key", "/apione OPTIONS NONE - -", "/apitwo GET NONE - key", "/apitwo OPTIONS NONE - -"] },
    stages: { MyApi: ["Stage MyApiDeployment996e54a322 -", "dev MyApiDeployment996e54a322 -"] },
  },
  [`${SAM}api_with_cors_and_apikey_defined_at_api_level.json`]: {
    format: "cloudformation",
    methods: { MyApi: ["/hello GET NONE - key", "/hello OPTIONS NONE - -"] },
  },
  [`${SAM}api_with_cors_and_auth_no_preflight_auth.json`]: {
    format: "cloudformation",
    methods: { ServerlessApi: ["/ GET CUSTOM MyLambdaRequestAuth -", "/ OPTIONS NONE - -", "/ POST CUSTOM MyLambdaRequestAuth -"] },
    authorizers: { ServerlessApi: ["MyLambdaRequestAuth REQUEST -"] },
  },
  [`${SAM}api_with_cors_and_auth_preflight_auth.json`]: {
    format: "cloudformation",
    methods: {
      ServerlessApi: [
        "/ GET CUSTOM MyLambdaRequestAuth -",
        "/ OPTIONS CUSTOM MyLambdaRequestAuth -",
        "/ POST CUSTOM MyLambdaRequestAuth -",
        "/any ANY CUSTOM MyLambdaRequestAuth -",
        "/any OPTIONS CUSTOM MyLambdaRequestAuth -",
      ],
    },
    authorizers: { ServerlessApi: ["MyLambdaRequestAuth REQUEST -"] },
    stages: { ServerlessApi: ["Prod ServerlessApiDeployment4aa96ccd97 -", "Stage ServerlessApiDeployment4aa96ccd97 -"] },
  },
  [`${SAM}globals_for_api.json`]: {
    format: "cloudformation",
    methods: {
      ExplicitApi: ["/ GET COGNITO_USER_POOLS MyCognitoAuth key"],
      ServerlessRestApi: ["/ GET COGNITO_USER_POOLS MyCognitoAuth key"],
    },
    authorizers: { ExplicitApi: ["MyCognitoAuth COGNITO_USER_POOLS -"], ServerlessRestApi: ["MyCognitoAuth COGNITO_USER_POOLS -"] },
    stages: {
      ExplicitApi: ["SomeStage ExplicitApiDeployment43e01e673d true", "Stage ExplicitApiDeployment43e01e673d -"],
      ServerlessRestApi: ["Prod ServerlessRestApiDeploymentaa32438b68 true", "Stage ServerlessRestApiDeploymentaa32438b68 -"],
    },
  },
  [`${SAM}api_with_request_parameters_openapi.json`]: {
    format: "cloudformation",
    methods: { ServerlessRestApi: ["/one GET NONE - -", "/two GET NONE - -"] },
    // The Deployment has no StageName here; only the Stage resource creates a stage.
    stages: { ServerlessRestApi: ["Prod ServerlessRestApiDeployment6f594c4e03 true"] },
    gaps: ['ResourcePath "/one" is not encoded as CloudFormation documents ("/~1one"); read as the path /one'],
  },
  "aws-samples__aws-bookstore-demo-app__template__master-fullstack-with-lambda-warmers.yaml": {
    format: "cloudformation",
    methods: {
      AppApi: [
        "/bestsellers GET AWS_IAM - -",
        "/bestsellers OPTIONS NONE - -",
        "/books GET AWS_IAM - -",
        "/books OPTIONS NONE - -",
        "/books/{id} GET AWS_IAM - -",
        "/books/{id} OPTIONS NONE - -",
        "/cart DELETE AWS_IAM - -",
        "/cart GET AWS_IAM - -",
        "/cart OPTIONS NONE - -",
        "/cart POST AWS_IAM - -",
        "/cart PUT AWS_IAM - -",
        "/cart/{bookId} GET AWS_IAM - -",
        "/cart/{bookId} OPTIONS NONE - -",
        "/orders GET AWS_IAM - -",
        "/orders OPTIONS NONE - -",
        "/orders POST AWS_IAM - -",
        "/recommendations GET AWS_IAM - -",
        "/recommendations OPTIONS NONE - -",
        "/recommendations/{bookId} GET AWS_IAM - -",
        "/recommendations/{bookId} OPTIONS NONE - -",
        "/search GET AWS_IAM - -",
        "/search OPTIONS NONE - -",
      ],
    },
    authorizers: { AppApi: ["ApiAuthorizer COGNITO_USER_POOLS 300"] },
    stages: { AppApi: ["prod APIDeployment -"] },
  },
  [`${CDK_INTEG}integ.token-authorizer.js.snapshot__TokenAuthorizerInteg.template.json`]: {
    format: "cdk",
    methods: { MyRestApi2D1F47A9: ["/ ANY CUSTOM MyAuthorizer6575980E -", "/ OPTIONS NONE - -"] },
    authorizers: { MyRestApi2D1F47A9: ["MyAuthorizer6575980E TOKEN -"] },
    stages: { MyRestApi2D1F47A9: ["prod MyRestApiDeploymentB555B582e0e53f2547b469b538202de55968eaf0 -"] },
  },
  [`${CDK_INTEG}integ.request-authorizer.lit.js.snapshot__RequestAuthorizerInteg.template.json`]: {
    format: "cdk",
    methods: { MyRestApi2D1F47A9: ["/ ANY CUSTOM MyAuthorizer6575980E -", "/auth ANY CUSTOM MySecondAuthorizer25A69B96 -"] },
    authorizers: { MyRestApi2D1F47A9: ["MyAuthorizer6575980E REQUEST 300", "MySecondAuthorizer25A69B96 REQUEST 300"] },
  },
  [`${CDK_INTEG}integ.api-with-overriding-default-authorizer.js.snapshot__integtest-restapi-with-overriding-default-authorizer.template.json`]:
    {
      format: "cdk",
      methods: { ActionsApiGatewayF80386B7: ["/ ANY NONE - -", "/ GET COGNITO_USER_POOLS AuthorizerBD825682 -", "/ OPTIONS NONE - -"] },
      authorizers: { ActionsApiGatewayF80386B7: ["AuthorizerBD825682 COGNITO_USER_POOLS -"] },
    },
  [`${CONSTRUCTS}aws-cognito-apigateway-lambda__test__integ.cogapilam-no-arguments.js.snapshot__cogapilam-no-arguments.template.json`]: {
    format: "cdk",
    methods: {
      testcognitoapigatewaylambdaLambdaRestApi2E272431: [
        "/ ANY COGNITO_USER_POOLS testcognitoapigatewaylambdaCognitoAuthorizer170CACC9 -",
        "/{proxy+} ANY COGNITO_USER_POOLS testcognitoapigatewaylambdaCognitoAuthorizer170CACC9 -",
      ],
    },
    authorizers: {
      testcognitoapigatewaylambdaLambdaRestApi2E272431: ["testcognitoapigatewaylambdaCognitoAuthorizer170CACC9 COGNITO_USER_POOLS -"],
    },
  },
  [`${CONSTRUCTS}aws-apigateway-lambda__test__integ.apilam-deployFunction.js.snapshot__apilam-deployFunction.template.json`]: {
    format: "cdk",
    methods: { testapigatewaylambdaLambdaRestApiE957E944: ["/ ANY AWS_IAM - -", "/{proxy+} ANY AWS_IAM - -"] },
  },
  [`${CONSTRUCTS}aws-apigateway-dynamodb__test__integ.apiddb-apigateway-dynamodb-CRUD.js.snapshot__apiddb-apigateway-dynamodb-CRUD.template.json`]:
    {
      format: "cdk",
      methods: {
        testapigatewaydynamodbRestApi80489300: [
          "/ POST AWS_IAM - -",
          "/{id} DELETE AWS_IAM - -",
          "/{id} GET AWS_IAM - -",
          "/{id} PUT AWS_IAM - -",
        ],
      },
    },
  [`${CONSTRUCTS}aws-cloudfront-apigateway-lambda__test__integ.cftaplam-no-arguments.js.snapshot__cftaplam-no-arguments.template.json`]: {
    format: "cdk",
    methods: {
      testcloudfrontapigatewaylambdaLambdaRestApi6A4CBD44: [
        "/ ANY CUSTOM cftaplamnoargumentsauthorizerD7B341B1 -",
        "/{proxy+} ANY CUSTOM cftaplamnoargumentsauthorizerD7B341B1 -",
      ],
    },
    authorizers: { testcloudfrontapigatewaylambdaLambdaRestApi6A4CBD44: ["cftaplamnoargumentsauthorizerD7B341B1 REQUEST 300"] },
  },
};

function readCorpusFile(dir: string, name: string) {
  const result = readCloudFormationTemplate({ path: name, text: readFileSync(join(dir, name), "utf8") }, isolatedContext());
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function authorizerRows(snapshot: RawApiSnapshot): string[] {
  return (snapshot.authorizers ?? []).map((a) => `${a.id} ${a.type ?? "-"} ${a.authorizerResultTtlInSeconds ?? "-"}`).sort();
}

function stageRows(snapshot: RawApiSnapshot): string[] {
  return (snapshot.stages ?? []).map((s) => `${s.stageName} ${s.deploymentId ?? "-"} ${s.cacheClusterEnabled ?? "-"}`).sort();
}

const FILES = DIRS.flatMap((dir) => readdirSync(dir).map((name) => ({ dir, name })));

describe("CloudFormation/CDK corpus", () => {
  it("has an expectation for every file, and every expectation has its file", () => {
    expect(FILES.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(FILES)("reads $name", ({ dir, name }) => {
    const expected = EXPECTED[name] as Expected;
    const result = readCorpusFile(dir, name);
    expect(result.gaps).toEqual([]);
    expect(result.apis.map((a) => a.name)).toEqual(Object.keys(expected.methods));
    for (const api of result.apis) {
      expect(api.format).toBe(expected.format);
      expect(api.variants).toHaveLength(1);
      const gaps = expected.gaps ?? [];
      expect(api.gaps).toHaveLength(gaps.length);
      gaps.forEach((piece, index) => expect(api.gaps[index]?.message).toContain(piece));
      const snapshot = api.variants[0]!.snapshot;
      expect(methodTable(snapshot)).toEqual([...(expected.methods[api.name] ?? [])].sort());
      if (expected.authorizers) expect(authorizerRows(snapshot)).toEqual(expected.authorizers[api.name]);
      if (expected.stages) expect(stageRows(snapshot)).toEqual(expected.stages[api.name]);
      // Each stage's deployment is the template itself: no drift.
      const model = normalizeApi(snapshot).model;
      expect(model.stages.flatMap((s) => s.drift)).toEqual([]);
    }
  });
});

function findings(api: TemplateApi): string[] {
  const run = runRules(normalizeApi(api.variants[0]!.snapshot).model);
  return run.findings.map((f) =>
    [f.ruleId, f.target.stage, f.target.path, f.target.httpMethod, f.target.responseType].filter(Boolean).join(" "),
  );
}

function apiOf(name: string): TemplateApi {
  const file = FILES.find((f) => f.name === name);
  if (!file) throw new Error(`${name} is not in the corpus`);
  return readCorpusFile(file.dir, name).apis[0] as TemplateApi;
}

describe("CloudFormation/CDK corpus: the rules over the model", () => {
  it("finds the SAM-generated OPTIONS carrying the REQUEST authorizer (AddDefaultAuthorizerToCorsPreflight left true)", () => {
    const found = findings(apiOf(`${SAM}api_with_cors_and_auth_preflight_auth.json`));
    expect(found.filter((f) => f.startsWith("options-requires-"))).toEqual([
      "options-requires-authorization / OPTIONS",
      "options-requires-authorization /any OPTIONS",
    ]);
  });

  it("finds nothing wrong with OPTIONS once AddDefaultAuthorizerToCorsPreflight is false", () => {
    const found = findings(apiOf(`${SAM}api_with_cors_and_auth_no_preflight_auth.json`));
    expect(found.filter((f) => f.startsWith("options-requires-"))).toEqual([]);
  });

  it("finds authorizer and API key on both OPTIONS of the Fn::If paths", () => {
    const found = findings(apiOf(`${SAM}api_rest_paths_with_if_condition_swagger.json`));
    expect(found.filter((f) => f.startsWith("options-requires-"))).toEqual([
      "options-requires-authorization /post OPTIONS",
      "options-requires-api-key /post OPTIONS",
    ]);
  });

  it("finds no API key on the generated OPTIONS when AddApiKeyRequiredToCorsPreflight is false", () => {
    for (const name of [`${SAM}api_with_cors_and_apikey.json`, `${SAM}api_with_cors_and_apikey_defined_at_api_level.json`]) {
      expect(findings(apiOf(name)).filter((f) => f.startsWith("options-requires-"))).toEqual([]);
    }
  });

  it("reads the bookstore's `AuthorizationType: None` OPTIONS as open, so no preflight finding", () => {
    const found = findings(apiOf("aws-samples__aws-bookstore-demo-app__template__master-fullstack-with-lambda-warmers.yaml"));
    expect(found.filter((f) => f.startsWith("options-requires-") || f.startsWith("missing-preflight"))).toEqual([]);
  });

  it("finds the cached GET without cache encryption from the Stage's MethodSettings", () => {
    expect(findings(apiOf("aws-samples__serverless-patterns__apigw-method-cache__template.yaml"))).toContain(
      "cache-data-not-encrypted Prod / GET",
    );
    expect(findings(apiOf(`${SAM}api_with_request_parameters_openapi.json`))).toContain("cache-data-not-encrypted Prod /one GET");
  });

  it("flags the TOKEN authorizer without a TTL (300 s cache) shared by the CDK ANY method", () => {
    expect(findings(apiOf(`${CDK_INTEG}integ.token-authorizer.js.snapshot__TokenAuthorizerInteg.template.json`))).toContain(
      "cached-authorizer-shared-across-methods",
    );
  });
});
