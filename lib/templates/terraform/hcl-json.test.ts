import { beforeAll, describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import type { TemplateReader } from "@/lib/templates/types";
import { loadTerraformReader } from "./read-terraform";
import { memoryContext } from "./testing/memory-context";

let read: TemplateReader;
beforeAll(async () => {
  read = await loadTerraformReader();
});

const NATIVE = `
variable "auth" { default = "COGNITO_USER_POOLS" }
resource "aws_api_gateway_rest_api" "a" { name = "shop" }
resource "aws_api_gateway_resource" "cart" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "cart"
}
resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.cart.id
  http_method   = "OPTIONS"
  authorization = var.auth
}
resource "aws_api_gateway_deployment" "d" { rest_api_id = aws_api_gateway_rest_api.a.id }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = "prod"
}
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    caching_enabled = true
  }
}
`;

const JSON_SYNTAX = {
  "//": "generated",
  variable: { auth: { default: "COGNITO_USER_POOLS" } },
  resource: {
    aws_api_gateway_rest_api: { a: { name: "shop" } },
    aws_api_gateway_resource: {
      cart: {
        rest_api_id: "${aws_api_gateway_rest_api.a.id}",
        parent_id: "${aws_api_gateway_rest_api.a.root_resource_id}",
        path_part: "cart",
      },
    },
    aws_api_gateway_method: {
      options: {
        rest_api_id: "${aws_api_gateway_rest_api.a.id}",
        resource_id: "${aws_api_gateway_resource.cart.id}",
        http_method: "OPTIONS",
        authorization: "${var.auth}",
      },
    },
    aws_api_gateway_deployment: { d: { rest_api_id: "${aws_api_gateway_rest_api.a.id}" } },
    aws_api_gateway_stage: {
      prod: { rest_api_id: "${aws_api_gateway_rest_api.a.id}", deployment_id: "${aws_api_gateway_deployment.d.id}", stage_name: "prod" },
    },
    aws_api_gateway_method_settings: {
      all: {
        rest_api_id: "${aws_api_gateway_rest_api.a.id}",
        stage_name: "${aws_api_gateway_stage.prod.stage_name}",
        method_path: "*/*",
        settings: { caching_enabled: true },
      },
    },
  },
};

function modelOf(files: Record<string, string>, entry: string) {
  const result = read({ path: entry, text: files[entry] ?? "" }, memoryContext(files));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.apis).toHaveLength(1);
  return { api: result.apis[0]!, model: normalizeApi(result.apis[0]!.variants[0]!.snapshot).model };
}

describe("Terraform JSON syntax (.tf.json)", () => {
  it("reads the same API as the native syntax, with positions in the JSON", () => {
    const native = modelOf({ "n/main.tf": NATIVE }, "n/main.tf").model;
    const text = JSON.stringify(JSON_SYNTAX, null, 2);
    const { api, model } = modelOf({ "j/main.tf.json": text }, "j/main.tf.json");
    expect(model).toEqual(native);
    expect(model.resources.find((r) => r.path === "/cart")?.methods[0]?.authorizationType).toBe("COGNITO_USER_POOLS");
    expect(model.stages[0]?.methodSettings["*/*"]?.cachingEnabled).toBe(true);
    const position = api.variants[0]!.locations["method /cart OPTIONS"];
    expect(position?.file).toBe("j/main.tf.json");
    expect(text.split("\n")[(position?.line ?? 1) - 1]).toContain('"options": {');
  });

  it("takes variable values from terraform.tfvars.json and *.auto.tfvars.json, literally", () => {
    const files = { "v/main.tf": NATIVE, "v/x.auto.tfvars.json": JSON.stringify({ auth: "AWS_IAM" }) };
    const { api, model } = modelOf(files, "v/main.tf");
    expect(model.resources.find((r) => r.path === "/cart")?.methods[0]?.authorizationType).toBe("AWS_IAM");
    expect(api.gaps.map((g) => g.message)).toContain(
      "authorization of aws_api_gateway_method.options: var.auth is read from v/x.auto.tfvars.json",
    );
  });

  it("mixes with .tf files of the same directory, and reports bad JSON in one line", () => {
    const parts = {
      "d/api.tf": 'resource "aws_api_gateway_rest_api" "a" { name = "shop" }\n',
      "d/more.tf.json": JSON.stringify({
        resource: { aws_api_gateway_authorizer: { t: { rest_api_id: "${aws_api_gateway_rest_api.a.id}", name: "t" } } },
      }),
    };
    const { model } = modelOf(parts, "d/api.tf");
    expect(model.authorizers.map((a) => [a.id, a.type, a.effectiveTtlSeconds])).toEqual([["aws_api_gateway_authorizer.t", "TOKEN", 300]]);
    const broken = read({ path: "x/main.tf.json", text: '{"resource": ' }, memoryContext({ "x/main.tf.json": '{"resource": ' }));
    expect(broken.ok ? "" : broken.error.message).toMatch(/^x\/main\.tf\.json: not valid JSON: /);
  });
});
