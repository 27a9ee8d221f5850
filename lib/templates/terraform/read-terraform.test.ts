import { beforeAll, describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { normalizeApi } from "@/lib/model/normalize";
import type { TemplateApi, TemplateReader, TemplateReadResult } from "@/lib/templates/types";
import { awsMethodSettingsKey } from "./build-stages";
import { loadTerraformReader } from "./read-terraform";
import { corpusConfigurations } from "./testing/corpus";
import { memoryContext } from "./testing/memory-context";

let read: TemplateReader;
beforeAll(async () => {
  read = await loadTerraformReader();
});

const corpus = corpusConfigurations();

function readDir(files: Record<string, string>, entry: string): Extract<TemplateReadResult, { ok: true }> {
  const result = read({ path: entry, text: files[entry] ?? "" }, memoryContext(files));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function only(result: Extract<TemplateReadResult, { ok: true }>): TemplateApi {
  expect(result.apis).toHaveLength(1);
  return result.apis[0] as TemplateApi;
}

function audit(api: TemplateApi) {
  const { model } = normalizeApi(api.variants[0]!.snapshot);
  return { model, ...runRules(model) };
}

function methods(api: TemplateApi): string[] {
  return audit(api).model.resources.flatMap((r) =>
    r.methods.map(
      (m) =>
        `${m.httpMethod} ${m.path} ${m.authorizationType}${m.apiKeyRequired ? " +key" : ""}${m.authorizerId ? ` ${m.authorizerId}` : ""}`,
    ),
  );
}

const findingKeys = (api: TemplateApi) =>
  audit(api).findings.map((f) =>
    `${f.ruleId} ${f.target.path ?? f.target.responseType ?? f.target.stage ?? ""} ${f.target.httpMethod ?? ""}`.trim(),
  );

describe("Terraform corpus", () => {
  it("common-fate: Cognito ANY on the proxy resource, an explicit OPTIONS with authorization NONE, default error responses without CORS", () => {
    const files = corpus.get("bjsscloud__terraform-aws-common-fate") ?? {};
    const api = only(readDir(files, "api_gateway_method_main_api_v1_proxy_any.tf"));
    expect(api.name).toBe("aws_api_gateway_rest_api.main");
    const proxy = "/${aws_api_gateway_resource.main_api_v1_proxy}";
    expect(methods(api)).toEqual([`OPTIONS ${proxy} NONE`, `ANY ${proxy} COGNITO_USER_POOLS aws_api_gateway_authorizer.main`]);
    const authorizer = audit(api).model.authorizers[0];
    expect(authorizer).toMatchObject({ id: "aws_api_gateway_authorizer.main", type: "COGNITO_USER_POOLS", effectiveTtlSeconds: 300 });
    const options = api.variants[0]!.snapshot.resources!.find((r) => r.path === proxy)!.resourceMethods!.OPTIONS!;
    expect(
      Object.values(options.methodIntegration?.integrationResponses ?? {})[0]?.responseParameters?.[
        "method.response.header.Access-Control-Allow-Origin"
      ],
    ).toBe("'*'");
    // The explicit OPTIONS answers the preflight, so no preflight rule fires; the Cognito 401/403 of ANY reaches the browser without CORS.
    expect(findingKeys(api)).toEqual(["error-responses-without-cors DEFAULT_4XX", "error-responses-without-cors DEFAULT_5XX"]);
    expect(api.gaps.map((g) => g.message)).toContain(
      `aws_api_gateway_resource.main_api_v1_proxy is referenced but not declared in the files read: its path is unknown (shown as ${proxy})`,
    );
    expect(api.variants[0]!.locations[`method ${proxy} OPTIONS`]).toEqual({
      file: "api_gateway_method_main_api_v1_proxy_options.tf",
      line: 1,
      column: 1,
    });
  });

  it("JamesWoolfenden: POST authorization = var.authorization with no declaration is a gap that leaves the resource rules not evaluated", () => {
    const files = corpus.get("JamesWoolfenden__terraform-aws-apigateway") ?? {};
    const api = only(readDir(files, "aws_api_gateway_method.options_method.tf"));
    const gap = api.gaps.find((g) => g.message.startsWith("attribute authorization of aws_api_gateway_method.messages_method"));
    expect(gap).toMatchObject({ part: "resources", position: { file: "aws_api_gateway_method.messages_method.tf", line: 5, column: 3 } });
    expect(gap?.message).toContain("var.authorization is not declared in this directory");
    const { notEvaluated, model } = audit(api);
    expect(notEvaluated.map((n) => n.ruleId)).toContain("options-requires-authorization");
    expect(model.resources.flatMap((r) => r.methods.map((m) => m.httpMethod))).toEqual(["POST", "OPTIONS"]);
    // method_settings names aws_api_gateway_stage.examplea, which is not in the files: its settings cannot be placed.
    expect(
      api.gaps.some(
        (g) => g.part === "stages" && g.message.startsWith("attribute stage_name of aws_api_gateway_method_settings.all_methods"),
      ),
    ).toBe(true);
  });

  it("wellcome identity route module: OPTIONS NONE, GET/PUT/POST CUSTOM with an API key; unknown counts are read as one instance and said", () => {
    const files = corpus.get("wellcomecollection__identity") ?? {};
    const result = readDir(files, "infra/modules/route/methods.tf");
    const api = only(result);
    expect(api.name).toBe("${var.rest_api_id}");
    const r = "/${aws_api_gateway_resource.resource}";
    expect(methods(api)).toEqual([
      `GET ${r} CUSTOM +key \${var.authorizer_id}`,
      `POST ${r} CUSTOM +key \${var.authorizer_id}`,
      `PUT ${r} CUSTOM +key \${var.authorizer_id}`,
      `OPTIONS ${r} NONE`,
    ]);
    expect(result.gaps.map((g) => g.message)).toContain(
      "count of aws_api_gateway_method.options could not be resolved statically (it depends on the condition length(local.options_codes) > 0, which could not be resolved statically); read as one instance",
    );
    expect(findingKeys(api)).toEqual(["error-responses-without-cors DEFAULT_4XX", "error-responses-without-cors DEFAULT_5XX"]);
  });

  it("wellcome identity scoped: REQUEST authorizer with TTL 0, DEFAULT_4XX/5XX carrying Access-Control-Allow-Origin, module calls reported", () => {
    const files = corpus.get("wellcomecollection__identity") ?? {};
    const result = readDir(files, "infra/scoped/api-gateway.tf");
    const api = only(result);
    expect(api.name).toBe("aws_api_gateway_rest_api.identity");
    expect(api.variants[0]!.snapshot.restApi.name).toBe("identity-${terraform.workspace}");
    const { model, findings } = audit(api);
    expect(model.authorizers).toMatchObject([
      { id: "aws_api_gateway_authorizer.token_authorizer", type: "REQUEST", configuredTtlSeconds: 0, effectiveTtlSeconds: 0 },
    ]);
    const custom = model.gatewayResponses.filter((g) => !g.isDefault);
    expect(custom.map((g) => [g.responseType, g.responseParameters["gatewayresponse.header.Access-Control-Allow-Origin"]])).toEqual([
      ["DEFAULT_4XX", "'${local.identity_v1_docs_endpoint}'"],
      ["DEFAULT_5XX", "'${local.identity_v1_docs_endpoint}'"],
    ]);
    expect(findings).toEqual([]);
    expect(result.gaps.filter((g) => g.message.startsWith("module ")).map((g) => g.message.split(" (")[0])).toEqual([
      'module "users_route"',
      'module "users_userid_route"',
      'module "userid_routes"',
    ]);
  });

  it("alparius: variable defaults are used and said; GET and OPTIONS on /{proxy+}; the deployment's stage_name makes a stage without drift", () => {
    const files = corpus.get("alparius__terraform-aws-apigateway-with-cors__root") ?? {};
    const api = only(readDir(files, "main.tf"));
    expect(methods(api)).toEqual(["GET /{proxy+} NONE", "OPTIONS /{proxy+} NONE"]);
    expect(api.gaps.map((g) => g.message)).toContain(
      'http_method of aws_api_gateway_method.main_method: var.http_method is read with its default "GET" (a -var, tfvars file or module call may change it)',
    );
    const { model } = audit(api);
    expect(model.stages.map((s) => [s.name, s.drift.length])).toEqual([["default", 0]]);
    expect(findingKeys(api)).toEqual([
      "error-responses-without-cors DEFAULT_4XX",
      "error-responses-without-cors DEFAULT_5XX",
      "method-open-to-everyone /{proxy+} GET",
    ]);
  });

  it("vpclink: an open ANY on /{proxy+} and a prod stage; its integration is made by a local-exec, so none is configured", () => {
    const files = corpus.get("aws-samples__serverless-patterns__apigw-rest-vpclink-pvt-alb-terraform") ?? {};
    const api = only(readDir(files, "apigw-rest-vpclink-pvt-alb-terraform/main.tf"));
    expect(methods(api)).toEqual(["ANY /{proxy+} NONE"]);
    expect(audit(api).model.stages.map((s) => s.name)).toEqual(["prod"]);
    expect(findingKeys(api)).toEqual(["method-open-to-everyone /{proxy+} ANY"]);
  });

  it("WildRydes: POST /ride behind Cognito (TTL 300 by default), a MOCK OPTIONS with CORS headers", () => {
    const files = corpus.get("patrick-andrew-jain-taylor__aws-serverless-workshops__WebApplication__4_RESTfulAPIs") ?? {};
    const api = only(readDir(files, "WebApplication/4_RESTfulAPIs/aws_api_gateway_method.tf"));
    expect(methods(api)).toEqual(["POST /ride COGNITO_USER_POOLS aws_api_gateway_authorizer.this", "OPTIONS /ride NONE"]);
    const { model } = audit(api);
    expect(model.authorizers[0]).toMatchObject({ configuredTtlSeconds: 300, effectiveTtlSeconds: 300 });
    expect(model.resources.find((r) => r.path === "/ride")?.methods.find((m) => m.httpMethod === "POST")?.integration?.type).toBe(
      "AWS_PROXY",
    );
    expect(findingKeys(api)).toEqual(["error-responses-without-cors DEFAULT_4XX", "error-responses-without-cors DEFAULT_5XX"]);
  });

  it("wellcome storage: the resource module's Cognito ANY methods under placeholder paths; the stack keeps stage variable names only", () => {
    const files = corpus.get("wellcomecollection__storage-service__terraform__modules__stack__api") ?? {};
    const moduleApi = only(readDir(files, "terraform/modules/resource/main.tf"));
    expect(methods(moduleApi)).toEqual([
      "ANY /${var.root_resource_id}/${var.path_part} COGNITO_USER_POOLS ${var.cognito_id}",
      "ANY /${var.root_resource_id}/${var.path_part}/{proxy+} COGNITO_USER_POOLS ${var.cognito_id}",
    ]);
    // No OPTIONS and no Access-Control-* header anywhere (lib/rules/support/serves-browsers.ts): the browser-facing
    // preflight rules stay silent. The second edition's authorized-any-without-cors-evidence (low, heuristic) is
    // written for exactly this shape: Cognito ANY methods with no OPTIONS and no visible CORS, which a proxy backend
    // could still answer browsers from; if one did, each preflight would meet the Cognito authorizer (401).
    expect(findingKeys(moduleApi)).toEqual([
      "authorized-any-without-cors-evidence /${var.root_resource_id}/${var.path_part}/{proxy+} ANY",
      "authorized-any-without-cors-evidence /${var.root_resource_id}/${var.path_part} ANY",
    ]);
    const stack = only(readDir(files, "terraform/modules/stack/api/gateway.tf"));
    expect(audit(stack).model.stages.map((s) => [s.name, s.variableNames])).toEqual([
      ["v1", ["bags_port", "ingests_port", "integration_uris"]],
    ]);
  });
});

describe("Terraform semantics", () => {
  const api = (extra: string) => `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "items"
}
${extra}`;

  it("follows var defaults, tfvars, locals, templates and count; names several APIs by address", () => {
    const files = {
      "m/main.tf": api(`
locals { verbs = ["GET", "POST"] }
variable "auth" { default = "NONE" }
resource "aws_api_gateway_method" "m" {
  count         = length(local.verbs)
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = local.verbs[count.index]
  authorization = var.auth
}
resource "aws_api_gateway_rest_api" "b" { name = "b-\${var.env}" }
variable "env" {}
`),
      "m/terraform.tfvars": 'auth = "AWS_IAM"\nenv = "prod"\n',
    };
    const result = readDir(files, "m/main.tf");
    expect(result.apis.map((a) => [a.name, a.variants[0]!.snapshot.restApi.name])).toEqual([
      ["aws_api_gateway_rest_api.a", "a"],
      ["aws_api_gateway_rest_api.b", "b-prod"],
    ]);
    const a = result.apis[0] as TemplateApi;
    expect(methods(a)).toEqual(["GET /items AWS_IAM", "POST /items AWS_IAM"]);
    expect(a.gaps.map((g) => g.message)).toContain(
      "authorization of aws_api_gateway_method.m[0]: var.auth is read from m/terraform.tfvars",
    );
  });

  it("reports reference cycles as gaps, quickly", () => {
    const files = {
      "main.tf": api(`
locals {
  a = local.b
  b = local.a
}
resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = local.a
}
`),
    };
    const result = readDir(files, "main.tf");
    const gap = only(result).gaps.find((g) => g.message.startsWith("attribute authorization of aws_api_gateway_method.m"));
    expect(gap?.message).toContain("reference cycle: local.a → local.b → local.a");
  });

  it("reports resources that are each other's parent instead of recursing", () => {
    const files = {
      "main.tf": `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_resource" "x" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_resource.y.id
  path_part   = "x"
}
resource "aws_api_gateway_resource" "y" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_resource.x.id
  path_part   = "y"
}
`,
    };
    const a = only(readDir(files, "main.tf"));
    expect(a.gaps.map((g) => g.message)).toContain("resource parents form a cycle through aws_api_gateway_resource.x");
    expect(audit(a).model.resources.map((r) => r.path)).toEqual([
      "/",
      "/${aws_api_gateway_resource.x}/y",
      "/${aws_api_gateway_resource.x}/y/x",
    ]);
  });

  it("maps method_settings paths to API Gateway's ~1 keys and keeps a stage's cache settings", () => {
    expect(awsMethodSettingsKey("*/*")).toBe("*/*");
    expect(awsMethodSettingsKey("users/{id}/get")).toBe("~1users~1{id}/GET");
    const files = {
      "main.tf": api(`
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}
resource "aws_api_gateway_deployment" "d" { rest_api_id = aws_api_gateway_rest_api.a.id }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.a.id
  deployment_id         = aws_api_gateway_deployment.d.id
  stage_name            = "prod"
  cache_cluster_enabled = true
}
resource "aws_api_gateway_method_settings" "items" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "items/GET"
  settings {
    caching_enabled = true
  }
}
`),
    };
    const a = only(readDir(files, "main.tf"));
    const { model, findings } = audit(a);
    const stage = model.stages[0];
    expect(stage?.cacheClusterEnabled).toBe(true);
    expect(Object.keys(stage?.methodSettings ?? {})).toEqual(["~1items/GET"]);
    expect(stage?.drift).toEqual([]);
    expect(stage?.effectiveSettings.find((s) => s.path === "/items")?.cachingEnabled).toBe(true);
    expect(findings.map((f) => f.ruleId)).toContain("cache-key-missing-caller-identity");
  });

  it("reads an OpenAPI body written with jsonencode(), unknown ARNs as placeholders, resource arguments overriding it", () => {
    const files = {
      "b/main.tf": `
resource "aws_api_gateway_rest_api" "pets" {
  name = "pets-api"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "from-body", version = "1" }
    paths = {
      "/pets" = {
        get = {
          security = [{ cognito = [] }]
          x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = "POST", uri = aws_lambda_function.pets.invoke_arn }
        }
        options = {
          x-amazon-apigateway-integration = { type = "mock" }
        }
      }
    }
    components = {
      securitySchemes = {
        cognito = {
          type = "apiKey", name = "Authorization", in = "header"
          x-amazon-apigateway-authtype   = "cognito_user_pools"
          x-amazon-apigateway-authorizer = { type = "cognito_user_pools", providerARNs = [aws_cognito_user_pool.users.arn] }
        }
      }
    }
  })
}
resource "aws_api_gateway_deployment" "d" { rest_api_id = aws_api_gateway_rest_api.pets.id }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = "prod"
}
`,
    };
    const a = only(readDir(files, "b/main.tf"));
    const { model } = audit(a);
    expect(model.api.name).toBe("pets-api");
    expect(methods(a)).toEqual(["GET /pets COGNITO_USER_POOLS cognito", "OPTIONS /pets NONE"]);
    expect(model.authorizers.map((x) => [x.id, x.type, x.providerArns])).toEqual([
      ["cognito", "COGNITO_USER_POOLS", ["\${aws_cognito_user_pool.users.arn}"]],
    ]);
    const get = model.resources.find((r) => r.path === "/pets")?.methods.find((m) => m.httpMethod === "GET");
    expect(get?.integration).toMatchObject({ type: "AWS_PROXY", uri: "\${aws_lambda_function.pets.invoke_arn}" });
    expect(model.stages.map((s) => [s.name, s.drift.length])).toEqual([["prod", 0]]);
    expect(
      a.gaps.some(
        (g) =>
          g.message.startsWith("parts of the body of aws_api_gateway_rest_api.pets are only known after apply") && g.part === undefined,
      ),
    ).toBe(true);
    expect(a.variants[0]!.locations["method /pets GET"]).toEqual({ file: "b/main.tf", line: 4, column: 3 });
  });

  it("keeps hostile keys (__proto__) as plain keys", () => {
    const files = {
      "main.tf": api(`
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_method_response" "r" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "GET"
  status_code = "__proto__"
  response_parameters = { "__proto__" = true }
}
resource "aws_api_gateway_stage" "s" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = "__proto__"
  stage_name    = "__proto__"
}
`),
    };
    const a = only(readDir(files, "main.tf"));
    const snapshot = a.variants[0]!.snapshot;
    const get = snapshot.resources!.find((r) => r.path === "/items")!.resourceMethods!.GET!;
    expect(Object.keys(get.methodResponses ?? {})).toEqual(["__proto__"]);
    expect(Object.keys(snapshot.deployments)).toEqual(["__proto__"]);
    expect(audit(a).model.stages.map((s) => s.name)).toEqual(["__proto__"]);
  });

  it("a syntax error in any file of the directory refuses it with file:line", () => {
    const files = { "d/a.tf": api(""), "d/b.tf": 'resource "x" {\n  = 1\n}\n' };
    const result = read({ path: "d/a.tf", text: files["d/a.tf"] }, memoryContext(files));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^d\/b\.tf:\d+:\d+: /);
  });
});
