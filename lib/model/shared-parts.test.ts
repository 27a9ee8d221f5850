import { describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot, RawMethod, RawResource } from "@/lib/model/raw-snapshot";
import { expectSameNormalization } from "@/lib/model/testing/same-normalization";
import type { ApiModel } from "@/lib/model/types";

/**
 * Equal parts of methods (a CORS preflight's mock integration and response maps, a mock's request template) are one
 * object in the model (shared-parts.ts), frozen so that no change to one method's part changes the others; the model
 * is still the reference normaliser's, byte for byte.
 */
const header = (name: string) => `method.response.header.${name}`;

// The console's "Enable CORS" method, as every resource of an API has it.
function preflight(): RawMethod {
  return {
    httpMethod: "OPTIONS",
    authorizationType: "NONE",
    methodIntegration: {
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      integrationResponses: {
        "200": {
          statusCode: "200",
          responseParameters: {
            [header("Access-Control-Allow-Headers")]: "'Content-Type'",
            [header("Access-Control-Allow-Methods")]: "'GET,OPTIONS'",
            [header("Access-Control-Allow-Origin")]: "'*'",
          },
          responseTemplates: { "application/json": "" },
        },
      },
    },
    methodResponses: {
      "200": {
        statusCode: "200",
        responseParameters: {
          [header("Access-Control-Allow-Headers")]: false,
          [header("Access-Control-Allow-Methods")]: false,
          [header("Access-Control-Allow-Origin")]: false,
        },
      },
    },
  };
}

// A mock answering its own body: only its response template is its own.
function mock(body: string): RawMethod {
  return {
    httpMethod: "GET",
    authorizationType: "NONE",
    methodIntegration: {
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      integrationResponses: { "200": { statusCode: "200", responseTemplates: { "application/json": body } } },
    },
    methodResponses: { "200": { statusCode: "200" } },
  };
}

function snapshot(): RawApiSnapshot {
  const resources: RawResource[] = ["a", "b", "c"].map((name) => ({
    id: `r-${name}`,
    parentId: "root",
    path: `/${name}`,
    pathPart: name,
    resourceMethods: { GET: mock(`{"name": "${name}"}`), OPTIONS: preflight() },
  }));
  return {
    region: "us-east-1",
    restApi: { id: "api", name: "shared" },
    resources: [{ id: "root", path: "/" }, ...resources],
    authorizers: [],
    stages: [],
    gatewayResponses: [],
    deployments: {},
    missing: [],
  };
}

function methodsOf(model: ApiModel, verb: string) {
  return model.resources.flatMap((resource) => resource.methods.filter((method) => method.httpMethod === verb));
}

describe("equal parts of methods", () => {
  it("are one object across the model, which stays the reference normaliser's", () => {
    const model = expectSameNormalization([snapshot()])[0]!.model;
    const preflights = methodsOf(model, "OPTIONS");
    const mocks = methodsOf(model, "GET");
    expect(preflights).toHaveLength(3);
    for (const method of preflights.slice(1)) {
      expect(method.integration).toBe(preflights[0]!.integration);
      expect(method.methodResponses).toBe(preflights[0]!.methodResponses);
    }
    // The mocks share what is equal (the request template, the method responses) and keep their own bodies.
    const [first, second] = mocks;
    expect(second!.integration!.requestTemplates).toBe(first!.integration!.requestTemplates);
    expect(second!.integration!.requestTemplates).toBe(preflights[0]!.integration!.requestTemplates);
    expect(second!.methodResponses).toBe(first!.methodResponses);
    expect(second!.integration).not.toBe(first!.integration);
    expect(second!.integration!.integrationResponses[0]!.responseTemplates).toEqual({ "application/json": '{"name": "b"}' });
  });

  it("cannot be changed through one method", () => {
    const { model } = normalizeApi(snapshot());
    const [method] = methodsOf(model, "OPTIONS");
    const integration = method!.integration!;
    const response = integration.integrationResponses[0]!;
    expect(Object.isFrozen(integration)).toBe(true);
    expect(Object.isFrozen(response)).toBe(true);
    expect(Object.isFrozen(response.responseParameters)).toBe(true);
    expect(Object.isFrozen(method!.methodResponses[0]!.responseParameters)).toBe(true);
    // Modules are strict: writing to a frozen object throws instead of changing every preflight at once.
    expect(() => {
      response.responseParameters[header("Access-Control-Allow-Origin")] = "'https://evil.example'";
    }).toThrow(TypeError);
    expect(() => {
      integration.type = "HTTP";
    }).toThrow(TypeError);
    expect(
      methodsOf(model, "OPTIONS")[2]!.integration!.integrationResponses[0]!.responseParameters[header("Access-Control-Allow-Origin")],
    ).toBe("'*'");
  });

  it("are never shared between two normalisations", () => {
    const raw = snapshot();
    const first = methodsOf(normalizeApi(raw).model, "OPTIONS")[0]!;
    const second = methodsOf(normalizeApi(raw).model, "OPTIONS")[0]!;
    expect(second.integration).toEqual(first.integration);
    expect(second.integration).not.toBe(first.integration);
  });
});
