import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { renderTerraform } from "@/lib/remediation/formats/terraform";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";

type Hcl = {
  resource: Record<string, Record<string, Array<Record<string, unknown>>>>;
  import: Array<{ to: string; id: string }>;
  variable: Record<string, Array<{ default: string }>>;
};

describe("renderTerraform", () => {
  const snippet = renderTerraform(fixturePlan().plan);

  it("parses as HCL", async () => {
    const hcl = (await parse("preflight.tf", snippet.content)) as Hcl;
    expect(hcl.variable.rest_api_id?.[0]?.default).toBe("a1b2c3d4e5");
  });

  it("renders the preflight method, MOCK integration and responses", async () => {
    const hcl = (await parse("preflight.tf", snippet.content)) as Hcl;
    expect(hcl.resource.aws_api_gateway_method?.orders_id_options?.[0]).toMatchObject({
      rest_api_id: "${var.rest_api_id}",
      resource_id: "ordid001",
      http_method: "OPTIONS",
      authorization: "NONE",
      api_key_required: false,
    });
    expect(hcl.resource.aws_api_gateway_method?.orders_id_options?.[0]).not.toHaveProperty("authorizer_id");
    expect(hcl.resource.aws_api_gateway_integration?.products_options?.[0]).toMatchObject({
      type: "MOCK",
      request_templates: { "application/json": '{"statusCode": 200}' },
    });
    expect(hcl.resource.aws_api_gateway_integration_response?.products_options_200?.[0]?.response_parameters).toMatchObject({
      "method.response.header.Access-Control-Allow-Origin": "'https://shop.example.com'",
    });
  });

  it("imports existing methods with the provider's import ids", async () => {
    const hcl = (await parse("preflight.tf", snippet.content)) as Hcl;
    expect(hcl.import).toContainEqual({ to: "${aws_api_gateway_method.orders_id_options}", id: "a1b2c3d4e5/ordid001/OPTIONS" });
    expect(hcl.import).toContainEqual({ to: "${aws_api_gateway_authorizer.orders_token_authorizer}", id: "a1b2c3d4e5/tok001" });
    expect(hcl.import.some((item) => item.id.startsWith("a1b2c3d4e5/prod0001"))).toBe(false);
  });

  it("imports an existing integration response and keeps its body templates when adding Access-Control-Allow-Origin", async () => {
    const hcl = (await parse("preflight.tf", snippet.content)) as Hcl;
    expect(hcl.resource.aws_api_gateway_method_response?.health_get_200?.[0]?.response_parameters).toEqual({
      "method.response.header.Access-Control-Allow-Origin": false,
    });
    const response = hcl.resource.aws_api_gateway_integration_response?.health_get_200?.[0];
    expect(response?.response_parameters).toEqual({ "method.response.header.Access-Control-Allow-Origin": "'https://old.example.com'" });
    expect(response).not.toHaveProperty("response_templates");
    expect(response?.lifecycle).toEqual([{ ignore_changes: ["${response_templates}"] }]);
    expect(hcl.import).toContainEqual({ to: "${aws_api_gateway_integration_response.health_get_200}", id: "a1b2c3d4e5/health01/GET/200" });
    expect(hcl.import).toContainEqual({ to: "${aws_api_gateway_method_response.health_get_200}", id: "a1b2c3d4e5/health01/GET/200" });
  });

  it("uses method_path without a leading slash, and a deployment with triggers", async () => {
    const hcl = (await parse("preflight.tf", snippet.content)) as Hcl;
    expect(hcl.resource.aws_api_gateway_method_settings?.prod_orders_id_get?.[0]).toMatchObject({
      stage_name: "prod",
      method_path: "orders/{id}/GET",
      settings: [{ caching_enabled: false, cache_ttl_in_seconds: 60, cache_data_encrypted: true }],
    });
    expect(hcl.resource.aws_api_gateway_method_settings?.prod_all_all?.[0]).toMatchObject({
      method_path: "*/*",
      settings: [{ require_authorization_for_cache_control: true, unauthorized_cache_control_header_strategy: "FAIL_WITH_403" }],
    });
    const deployment = hcl.resource.aws_api_gateway_deployment?.preflight_prod?.[0];
    expect(String((deployment?.triggers as Record<string, string>).redeployment)).toContain("aws_api_gateway_method.orders_id_options");
    expect(deployment?.lifecycle).toEqual([{ create_before_destroy: true }]);
    expect(hcl.resource.aws_api_gateway_authorizer?.orders_token_authorizer?.[0]?.authorizer_result_ttl_in_seconds).toBe(0);
  });

  it("escapes HCL template sequences in strings", async () => {
    const { plan } = fixturePlan();
    const withTemplate = {
      ...plan,
      ctx: {
        ...plan.ctx,
        model: {
          ...plan.ctx.model,
          gatewayResponses: plan.ctx.model.gatewayResponses.map((response) =>
            response.responseType === "UNAUTHORIZED"
              ? { ...response, responseTemplates: { "application/json": '{"m":"${context.error.message}"}' } }
              : response,
          ),
        },
      },
    };
    const content = renderTerraform(withTemplate).content;
    // Unescaped, Terraform would try to interpolate context.error.message.
    expect(content).toContain('"application/json" = "{\\"m\\":\\"$${context.error.message}\\"}"');
    const hcl = (await parse("preflight.tf", content)) as Hcl;
    // hcl2json writes Terraform's JSON syntax, where a literal "${" is also "$${".
    expect(hcl.resource.aws_api_gateway_gateway_response?.unauthorized?.[0]?.response_templates).toEqual({
      "application/json": '{"m":"$${context.error.message}"}',
    });
  });
});
