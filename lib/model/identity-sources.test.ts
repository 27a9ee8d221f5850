import { describe, expect, it } from "vitest";
import { parseIdentitySource, parseIdentitySources } from "@/lib/model/identity-sources";

describe("parseIdentitySources", () => {
  it("splits comma-separated expressions and names each location", () => {
    expect(
      parseIdentitySources("method.request.header.X-Session, method.request.querystring.tenant,stageVariables.pool ,context.sourceIp"),
    ).toEqual([
      { expression: "method.request.header.X-Session", location: "header", name: "X-Session" },
      { expression: "method.request.querystring.tenant", location: "querystring", name: "tenant" },
      { expression: "stageVariables.pool", location: "stageVariable", name: "pool" },
      { expression: "context.sourceIp", location: "context", name: "sourceIp" },
    ]);
  });

  it("returns nothing for an unset or blank source", () => {
    expect(parseIdentitySources(undefined)).toEqual([]);
    expect(parseIdentitySources(" , ")).toEqual([]);
  });

  it("keeps an unknown expression as 'other' instead of dropping it", () => {
    expect(parseIdentitySource("method.request.path.id")).toEqual({
      expression: "method.request.path.id",
      location: "other",
      name: "method.request.path.id",
    });
    expect(parseIdentitySource("method.request.header.")).toMatchObject({ location: "other" });
  });
});
