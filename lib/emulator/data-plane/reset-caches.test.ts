import { describe, expect, it } from "vitest";
import { cacheAuthorization, getCachedAuthorization } from "./authorizer-cache";
import { resetDataPlaneCaches } from "./reset-caches";

describe("resetDataPlaneCaches", () => {
  it("drops cached authorizer results", () => {
    const result = { principalId: "u", policyDocument: { Version: "2012-10-17", Statement: [] } };
    cacheAuthorization("api", "prod", "au", "tok", result, 300, 0);
    expect(getCachedAuthorization("api", "prod", "au", "tok", 1)).toBe(result);
    resetDataPlaneCaches();
    expect(getCachedAuthorization("api", "prod", "au", "tok", 1)).toBeUndefined();
  });
});
