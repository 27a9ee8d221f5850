import { describe, expect, it } from "vitest";
import { concretePath, customDomainBase, executeApiBase, probeTarget, requestUrl, type ProbeTargetInput } from "./targets";

const aws: ProbeTargetInput = {
  apiId: "a1b2c3d4e5",
  region: "eu-west-1",
  stage: "prod",
  endpointTypes: ["REGIONAL"],
  disableExecuteApiEndpoint: false,
  domains: [],
};

describe("probe targets", () => {
  it("derives the execute-api invoke URL from AWS naming only", () => {
    expect(probeTarget(aws)).toEqual({
      ok: true,
      target: { kind: "execute-api", base: "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod", alsoServedAt: [] },
    });
    expect(executeApiBase("a1b2c3d4e5", "cn-north-1", "v1")).toBe("https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/v1");
  });

  it("refuses ids, regions and stages that would change the host or path", () => {
    for (const [apiId, region, stage] of [
      ["evil.com/", "eu-west-1", "prod"],
      ["a1b2c3d4e5", "eu-west-1.attacker.net#", "prod"],
      ["a1b2c3d4e5", "eu-west-1", "../x"],
      ["a1b2c3d4e5", "eu-west-1", "prod?x=1"],
      ["A1B2C3D4E5@x", "eu-west-1", "prod"],
    ] as const)
      expect(executeApiBase(apiId, region, stage)).toBeUndefined();
  });

  it("reports PRIVATE APIs as not probeable from here", () => {
    const result = probeTarget({ ...aws, endpointTypes: ["PRIVATE"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("PRIVATE");
  });

  it("uses a mapped custom domain name when the execute-api endpoint is disabled, and lists the others", () => {
    const domains = [
      { domainName: "api.shop.example.com", basePath: "v1" },
      { domainName: "shop.example.com", basePath: "(none)" },
      { domainName: "evil.example.com:8080", basePath: "(none)" },
      { domainName: "x.example.com", basePath: "../../y" },
    ];
    expect(probeTarget({ ...aws, disableExecuteApiEndpoint: true, domains })).toEqual({
      ok: true,
      target: { kind: "custom-domain", base: "https://api.shop.example.com/v1", alsoServedAt: ["https://shop.example.com"] },
    });
    expect(probeTarget({ ...aws, disableExecuteApiEndpoint: true, domains: [] }).ok).toBe(false);
    expect(customDomainBase({ domainName: "user@evil.com", basePath: "(none)" })).toBeUndefined();
  });

  it("probes the configured endpoint's data plane, never AWS, when the connection has one", () => {
    expect(probeTarget({ ...aws, customEndpoint: "http://127.0.0.1:4599" })).toEqual({
      ok: true,
      target: { kind: "endpoint-data-plane", base: "http://127.0.0.1:4599/restapis/a1b2c3d4e5/prod/_user_request_", alsoServedAt: [] },
    });
    expect(probeTarget({ ...aws, customEndpoint: "file:///etc/passwd" }).ok).toBe(false);
  });

  it("keeps every request built from a hostile resource path under the target", () => {
    const target = { base: "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod" };
    const hostile = ["/..", "/a/../../x", "//evil.com/x", "/%2e%2e/x", "/a?b=c", "/a#b", "/@evil.com", "/a\\..\\..\\b", "/{id}/../x"];
    for (const path of hostile) {
      const concrete = concretePath(path);
      const url = concrete === undefined ? undefined : requestUrl(target, concrete);
      if (url !== undefined) expect(url.startsWith(`${target.base}/`)).toBe(true);
    }
    expect(concretePath("/orders/{id}/items/{proxy+}")).toBe("/orders/preflight-probe/items/preflight-probe");
    expect(requestUrl(target, concretePath("/a?b=c")!)).toBe(`${target.base}/a%3Fb%3Dc`);
    expect(concretePath("/..")).toBeUndefined();
    expect(requestUrl(target, "/../x")).toBeUndefined();
  });
});
