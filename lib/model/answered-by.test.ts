import { describe, expect, it } from "vitest";
import { answeredBy, answeredByDeployment } from "./answered-by";
import type { MethodModel, ResourceModel } from "./types";

const method = (
  path: string,
  httpMethod: MethodModel["httpMethod"],
  authorizationType: MethodModel["authorizationType"] = "NONE",
): MethodModel => ({
  resourceId: path,
  path,
  httpMethod,
  authorizationType,
  apiKeyRequired: false,
  authorizationScopes: [],
  requestParameters: {},
  requestModels: {},
  methodResponses: [],
});
const resource = (path: string, ...methods: MethodModel["httpMethod"][]): ResourceModel => ({
  id: path,
  path,
  pathPart: path.split("/").at(-1) ?? "",
  methods: methods.map((verb) => method(path, verb)),
});

// The SAM layout: a catch-all beside specific functions, intermediates without methods, one resource with its own OPTIONS.
const model = {
  resources: [
    resource("/"),
    resource("/{proxy+}", "ANY"),
    resource("/orders"),
    resource("/orders/{id}", "GET", "PUT"),
    resource("/orders/{id}/lines", "POST", "OPTIONS"),
    resource("/users/{userId}", "GET", "OPTIONS"),
    resource("/users/me", "PATCH"),
  ],
};
const answer = (path: string, verb: MethodModel["httpMethod"]) => {
  const found = answeredBy(model, path, verb);
  return found ? `${found.method.httpMethod} ${found.resource.path}${found.elsewhere ? " (elsewhere)" : ""}` : null;
};

describe("answeredBy", () => {
  it("answers with the resource's own method when it has the verb", () => {
    expect(answer("/orders/{id}", "PUT")).toBe("PUT /orders/{id}");
    expect(answer("/orders/{id}/lines", "OPTIONS")).toBe("OPTIONS /orders/{id}/lines");
  });

  it("falls through to the greedy ancestor for a verb the resource lacks", () => {
    expect(answer("/orders/{id}", "OPTIONS")).toBe("ANY /{proxy+} (elsewhere)");
    expect(answer("/orders", "GET")).toBe("ANY /{proxy+} (elsewhere)");
    expect(answer("/{proxy+}", "OPTIONS")).toBe("ANY /{proxy+}");
  });

  it("falls through to a {param} sibling before the greedy ancestor", () => {
    expect(answer("/users/me", "OPTIONS")).toBe("OPTIONS /users/{userId} (elsewhere)");
    expect(answer("/users/me", "PATCH")).toBe("PATCH /users/me");
  });

  it("leaves the root to its own methods: /{proxy+} does not serve /", () => {
    expect(answer("/", "OPTIONS")).toBeNull();
  });

  it("resolves a stage's deployment the same way", () => {
    const deployment = {
      id: "d1",
      apiSummary: {
        "/{proxy+}": { ANY: { authorizationType: "CUSTOM" as const, apiKeyRequired: false } },
        "/orders": {},
        "/orders/{id}": { GET: { authorizationType: "NONE" as const, apiKeyRequired: false } },
      },
    };
    expect(answeredByDeployment(deployment, "/orders/{id}", "OPTIONS")).toEqual({
      path: "/{proxy+}",
      httpMethod: "ANY",
      summary: { authorizationType: "CUSTOM", apiKeyRequired: false },
      elsewhere: true,
    });
    expect(answeredByDeployment(deployment, "/", "OPTIONS")).toBeUndefined();
  });
});
