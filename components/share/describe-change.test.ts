import { describe, expect, it } from "vitest";
import { describeMethodChange } from "./describe-change";

describe("describeMethodChange", () => {
  it("spells out each changed field with before and after", () => {
    expect(
      describeMethodChange({
        kind: "changed",
        path: "/account",
        httpMethod: "OPTIONS",
        changes: [
          { field: "authorizationType", before: "COGNITO_USER_POOLS", after: "NONE" },
          { field: "authorizer", before: { id: "cog123", name: "storefront-cognito" }, after: null },
          { field: "apiKeyRequired", before: true, after: false },
          { field: "integrationType", before: "HTTP_PROXY", after: "MOCK" },
        ],
      }),
    ).toEqual([
      "authorization: COGNITO_USER_POOLS → NONE",
      "authorizer: storefront-cognito (cog123) → none",
      "API key required: yes → no",
      "integration: HTTP_PROXY → MOCK",
    ]);
  });

  it("summarises added and removed methods", () => {
    const access = { authorizationType: "NONE" as const, authorizer: null, apiKeyRequired: false, integrationType: "MOCK" as const };
    expect(describeMethodChange({ kind: "added", path: "/cart", httpMethod: "OPTIONS", after: access })).toEqual([
      "added: authorization NONE, no API key, integration MOCK",
    ]);
    expect(
      describeMethodChange({
        kind: "removed",
        path: "/cart",
        httpMethod: "PUT",
        before: { ...access, authorizationType: "CUSTOM", authorizer: { id: "tok1" } },
      }),
    ).toEqual(["removed (was authorization CUSTOM, authorizer tok1, no API key, integration MOCK)"]);
  });
});
