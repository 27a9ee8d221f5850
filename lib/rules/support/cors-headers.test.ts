import { describe, expect, it } from "vitest";
import type { IntegrationResponseModel, MethodModel } from "@/lib/model/types";
import { CORS_HEADER, declaresHeader, defaultMappedHeader, defaultResponse, headerValue } from "./cors-headers";

function methodWith(integrationResponses: IntegrationResponseModel[] | undefined): MethodModel {
  return {
    resourceId: "r1",
    path: "/orders",
    httpMethod: "GET",
    authorizationType: "NONE",
    apiKeyRequired: false,
    authorizationScopes: [],
    requestParameters: {},
    requestModels: {},
    methodResponses: [],
    ...(integrationResponses
      ? {
          integration: {
            type: "MOCK",
            cacheKeyParameters: [],
            requestTemplates: {},
            requestParameters: {},
            integrationResponses,
          },
        }
      : {}),
  };
}

const ORIGIN = "method.response.header.Access-Control-Allow-Origin";

describe("defaultMappedHeader", () => {
  it("answers what the default response's mappings say, in every case that could tell them apart", () => {
    const methods = [
      methodWith(undefined),
      methodWith([]),
      methodWith([{ statusCode: "200", responseParameters: { [ORIGIN]: "'*'" } }]),
      // The response without a selection pattern is the default, not the first one.
      methodWith([
        { statusCode: "400", selectionPattern: ".*error.*", responseParameters: { [ORIGIN]: "'https://a.example'" } },
        { statusCode: "200", responseParameters: { [ORIGIN]: "'https://b.example'" } },
      ]),
      // Every response has a pattern: the first one answers.
      methodWith([{ statusCode: "200", selectionPattern: "x", responseParameters: { [ORIGIN]: "'https://c.example'" } }]),
      // Names differing in case: the first name wins, with the value last mapped to exactly that name.
      methodWith([
        {
          statusCode: "200",
          responseParameters: {
            "method.response.header.access-control-allow-origin": "'https://first.example'",
            [ORIGIN]: "'https://second.example'",
            "METHOD.RESPONSE.HEADER.access-control-allow-origin": "'https://third.example'",
          },
        },
      ]),
      methodWith([{ statusCode: "200", responseParameters: { "method.request.header.Access-Control-Allow-Origin": "'*'" } }]),
    ];
    const answers = methods.map((m) => defaultMappedHeader(m, CORS_HEADER.allowOrigin));
    expect(answers).toEqual(methods.map((m) => headerValue(defaultResponse(m).mapped, CORS_HEADER.allowOrigin)));
    expect(answers).toEqual([
      undefined,
      undefined,
      "'*'",
      "'https://b.example'",
      "'https://c.example'",
      "'https://third.example'",
      undefined,
    ]);
  });

  it("declaresHeader matches the method response's header names ignoring case, and nothing else", () => {
    expect(declaresHeader({ "method.response.header.access-control-allow-origin": false }, CORS_HEADER.allowOrigin)).toBe(true);
    expect(declaresHeader({ "Method.Response.Header.Access-Control-Allow-Origin": true }, CORS_HEADER.allowOrigin)).toBe(true);
    expect(declaresHeader({ "method.response.header.Access-Control-Allow-Origin-X": true }, CORS_HEADER.allowOrigin)).toBe(false);
    expect(declaresHeader({ "method.request.header.Access-Control-Allow-Origin": true }, CORS_HEADER.allowOrigin)).toBe(false);
    expect(declaresHeader(undefined, CORS_HEADER.allowOrigin)).toBe(false);
  });
});
