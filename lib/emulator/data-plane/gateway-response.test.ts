import { describe, expect, it } from "vitest";
import type { GatewayResponseWire } from "../state";
import { renderGatewayResponse } from "./gateway-response";

const context = { requestId: "req-1", apiId: "abc", stageName: "prod" };
const custom = (r: Omit<GatewayResponseWire, "defaultResponse">): GatewayResponseWire => ({ ...r, defaultResponse: false });

describe("renderGatewayResponse", () => {
  it("renders the built-in default with AWS's status and message body", () => {
    const reply = renderGatewayResponse({ type: "MISSING_AUTHENTICATION_TOKEN", message: "Missing Authentication Token" }, [], context);
    expect(reply.statusCode).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({ message: "Missing Authentication Token" });
    expect(reply.headers["Access-Control-Allow-Origin"]).toBeUndefined();
  });

  it("renders a null message as JSON null", () => {
    expect(renderGatewayResponse({ type: "AUTHORIZER_CONFIGURATION_ERROR", message: null }, [], context).body).toBe('{"message":null}');
  });

  it("uses a customised response's headers, status and template", () => {
    const reply = renderGatewayResponse(
      { type: "UNAUTHORIZED", message: "Unauthorized" },
      [
        custom({
          responseType: "UNAUTHORIZED",
          statusCode: "401",
          responseParameters: {
            "gatewayresponse.header.Access-Control-Allow-Origin": "'*'",
            "gatewayresponse.header.X-Origin": "method.request.header.origin",
          },
          responseTemplates: {
            "application/json": '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId"}',
          },
        }),
      ],
      { ...context, request: { headers: { origin: "https://shop.example" } } as never },
    );
    expect(reply.statusCode).toBe(401);
    expect(reply.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(reply.headers["X-Origin"]).toBe("https://shop.example");
    expect(JSON.parse(reply.body)).toEqual({ error: "Unauthorized", type: "UNAUTHORIZED", id: "req-1" });
  });

  it("falls back to DEFAULT_4XX for an uncustomised 4xx type, keeping the type's status", () => {
    const responses = [
      custom({ responseType: "DEFAULT_4XX", responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } }),
    ];
    const reply = renderGatewayResponse(
      { type: "ACCESS_DENIED", message: "User is not authorized to access this resource" },
      responses,
      context,
    );
    expect(reply.statusCode).toBe(403);
    expect(reply.headers["Access-Control-Allow-Origin"]).toBe("*");
    const fiveHundred = renderGatewayResponse({ type: "AUTHORIZER_CONFIGURATION_ERROR", message: null }, responses, context);
    expect(fiveHundred.headers["Access-Control-Allow-Origin"]).toBeUndefined();
  });

  it("applies a DEFAULT_5XX status code to every uncustomised 5xx type", () => {
    const reply = renderGatewayResponse(
      { type: "INTEGRATION_FAILURE", message: "Internal server error" },
      [custom({ responseType: "DEFAULT_5XX", statusCode: "503" })],
      context,
    );
    expect(reply.statusCode).toBe(503);
  });

  it("prefers the specific customisation over the family fallback", () => {
    const responses = [
      custom({ responseType: "DEFAULT_4XX", responseParameters: { "gatewayresponse.header.X-Family": "'4xx'" } }),
      custom({ responseType: "INVALID_API_KEY", responseParameters: { "gatewayresponse.header.X-Specific": "'yes'" } }),
    ];
    const reply = renderGatewayResponse({ type: "INVALID_API_KEY", message: "Forbidden" }, responses, context);
    expect(reply.headers["X-Specific"]).toBe("yes");
    expect(reply.headers["X-Family"]).toBeUndefined();
  });
});
