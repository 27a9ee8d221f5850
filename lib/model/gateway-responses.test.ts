import { describe, expect, it } from "vitest";
import { effectiveGatewayResponse, GATEWAY_RESPONSE_TYPES, reshapeGatewayResponses } from "@/lib/model/gateway-responses";

const cors = { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" };

describe("gateway responses", () => {
  it("completes the list with every documented type", () => {
    const list = reshapeGatewayResponses([{ responseType: "DEFAULT_4XX", responseParameters: cors, defaultResponse: false }]);
    expect(list.map((r) => r.responseType)).toEqual([...GATEWAY_RESPONSE_TYPES]);
    expect(list).toHaveLength(21);
    expect(list.find((r) => r.responseType === "ACCESS_DENIED")).toMatchObject({ statusCode: "403", isDefault: true });
    expect(list.find((r) => r.responseType === "DEFAULT_4XX")).toMatchObject({ isDefault: false, responseParameters: cors });
  });

  it("falls back to a customised DEFAULT_4XX for an uncustomised 4xx type, keeping its own status", () => {
    const model = {
      gatewayResponses: reshapeGatewayResponses([{ responseType: "DEFAULT_4XX", responseParameters: cors, defaultResponse: false }]),
    };
    expect(effectiveGatewayResponse(model, "ACCESS_DENIED")).toMatchObject({
      statusCode: "403",
      source: "fallback",
      appliedFrom: "DEFAULT_4XX",
      responseParameters: cors,
    });
    // 5xx types do not take DEFAULT_4XX.
    expect(effectiveGatewayResponse(model, "INTEGRATION_TIMEOUT")).toMatchObject({
      statusCode: "504",
      source: "default",
      responseParameters: {},
    });
  });

  it("prefers the type's own customisation over the fallback", () => {
    const model = {
      gatewayResponses: reshapeGatewayResponses([
        { responseType: "DEFAULT_5XX", responseParameters: cors, defaultResponse: false },
        { responseType: "AUTHORIZER_FAILURE", statusCode: "500", responseParameters: {}, defaultResponse: false },
      ]),
    };
    expect(effectiveGatewayResponse(model, "AUTHORIZER_FAILURE")).toMatchObject({ source: "customised", responseParameters: {} });
    expect(effectiveGatewayResponse(model, "API_CONFIGURATION_ERROR")).toMatchObject({ source: "fallback", appliedFrom: "DEFAULT_5XX" });
  });

  it("reports the built-in default when nothing is customised", () => {
    const model = { gatewayResponses: reshapeGatewayResponses([]) };
    const r = effectiveGatewayResponse(model, "UNAUTHORIZED");
    expect(r).toMatchObject({ statusCode: "401", source: "default", appliedFrom: "UNAUTHORIZED", responseParameters: {} });
    expect(effectiveGatewayResponse(model, "DEFAULT_4XX")).toMatchObject({ source: "default" });
  });
});
