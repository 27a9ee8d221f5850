/**
 * aws_api_gateway_method's request_validator_id fills the raw snapshot's requestValidatorId, as GetResources
 * embed=methods does live, so request-validator-on-preflight judges a Terraform OPTIONS like a deployed one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { normalizeApi } from "@/lib/model/normalize";
import type { TemplateReader } from "@/lib/templates/types";
import { loadTerraformReader } from "./read-terraform";
import { memoryContext } from "./testing/memory-context";

let read: TemplateReader;
beforeAll(async () => {
  read = await loadTerraformReader();
});

function configuration(validator: string): string {
  return `
resource "aws_api_gateway_rest_api" "a" { name = "shop" }
resource "aws_api_gateway_request_validator" "v" {
  name                        = "params"
  rest_api_id                 = aws_api_gateway_rest_api.a.id
  validate_request_parameters = true
}
resource "aws_api_gateway_resource" "reviews" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "reviews"
}
resource "aws_api_gateway_method" "options" {
  rest_api_id          = aws_api_gateway_rest_api.a.id
  resource_id          = aws_api_gateway_resource.reviews.id
  http_method          = "OPTIONS"
  authorization        = "NONE"
  ${validator}
  request_parameters = {
    "method.request.header.X-Review-Token" = true
  }
}
`;
}

function audit(text: string) {
  const result = read({ path: "main.tf", text }, memoryContext({ "main.tf": text }));
  if (!result.ok) throw new Error(result.error.message);
  const api = result.apis[0]!;
  const { model } = normalizeApi(api.variants[0]!.snapshot);
  return { api, model, findings: runRules(model).findings };
}

describe("Terraform request_validator_id", () => {
  it("reads the validator's reference as the method's requestValidatorId, and the preflight rule fires", () => {
    const { api, model, findings } = audit(configuration("request_validator_id = aws_api_gateway_request_validator.v.id"));
    expect(api.gaps).toEqual([]);
    expect(model.resources.find((r) => r.path === "/reviews")?.methods[0]?.requestValidatorId).toBe("aws_api_gateway_request_validator.v");
    expect(findings.filter((f) => f.ruleId === "request-validator-on-preflight").map((f) => [f.target.path, f.target.httpMethod])).toEqual([
      ["/reviews", "OPTIONS"],
    ]);
  });

  it("keeps a literal id, and without the attribute there is no validator and no finding", () => {
    expect(
      audit(configuration('request_validator_id = "abc123"')).model.resources.find((r) => r.path === "/reviews")?.methods[0]
        ?.requestValidatorId,
    ).toBe("abc123");
    const { model, findings } = audit(configuration(""));
    expect(model.resources.find((r) => r.path === "/reviews")?.methods[0]?.requestValidatorId).toBeUndefined();
    expect(findings.some((f) => f.ruleId === "request-validator-on-preflight")).toBe(false);
  });
});
