import { describe, expect, it } from "vitest";
import {
  effectiveMethodSettings,
  escapeResourcePath,
  methodSettingsKey,
  parseMethodSettingsKey,
  unescapeResourcePath,
} from "@/lib/model/method-settings";

describe("method settings keys", () => {
  it("escapes '/' as ~1 (and '~' as ~0) like AWS keys", () => {
    expect(methodSettingsKey("/orders/{id}", "GET")).toBe("~1orders~1{id}/GET");
    expect(methodSettingsKey("/", "OPTIONS")).toBe("~1/OPTIONS");
    expect(escapeResourcePath("/a~b")).toBe("~1a~0b");
    expect(unescapeResourcePath("~1a~0b~1c")).toBe("/a~b/c");
  });

  it("parses stage-wide, method and path-wide keys; rejects other shapes", () => {
    expect(parseMethodSettingsKey("*/*")).toEqual({ scope: "stage" });
    expect(parseMethodSettingsKey("~1orders~1{id}/GET")).toEqual({ scope: "method", path: "/orders/{id}", httpMethod: "GET" });
    expect(parseMethodSettingsKey("~1/GET")).toEqual({ scope: "method", path: "/", httpMethod: "GET" });
    expect(parseMethodSettingsKey("~1orders/*")).toEqual({ scope: "path", path: "/orders" });
    expect(parseMethodSettingsKey("orders/GET")).toBeUndefined();
    expect(parseMethodSettingsKey("/orders/GET")).toBeUndefined();
    expect(parseMethodSettingsKey("~1orders/")).toBeUndefined();
  });
});

describe("effectiveMethodSettings", () => {
  const cluster = { cacheClusterEnabled: true };

  it("uses API Gateway defaults when nothing is set", () => {
    const s = effectiveMethodSettings(undefined, "/a", "GET", cluster);
    expect(s).toMatchObject({
      source: "default",
      cachingEnabled: false,
      cacheTtlInSeconds: 300,
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
    });
  });

  it("stage-wide caching covers GET only", () => {
    const raw = { "*/*": { cachingEnabled: true, cacheTtlInSeconds: 60 } };
    expect(effectiveMethodSettings(raw, "/a", "GET", cluster)).toMatchObject({
      source: "stage",
      cachingEnabled: true,
      cacheTtlInSeconds: 60,
    });
    expect(effectiveMethodSettings(raw, "/a", "POST", cluster)).toMatchObject({
      source: "stage",
      cachingEnabled: false,
      cacheTtlInSeconds: 60,
    });
    expect(effectiveMethodSettings(raw, "/a", "ANY", cluster).cachingEnabled).toBe(false);
  });

  it("a method's own ~1 key wins, field by field, and can enable caching on another verb", () => {
    const raw = {
      "*/*": { cachingEnabled: true, cacheTtlInSeconds: 60, requireAuthorizationForCacheControl: false },
      "~1orders~1{id}/GET": { cachingEnabled: false },
      "~1orders~1{id}/POST": { cachingEnabled: true, cacheTtlInSeconds: 10 },
    };
    expect(effectiveMethodSettings(raw, "/orders/{id}", "GET", cluster)).toMatchObject({
      source: "method",
      cachingEnabled: false,
      cacheTtlInSeconds: 60,
      requireAuthorizationForCacheControl: false,
    });
    expect(effectiveMethodSettings(raw, "/orders/{id}", "POST", cluster)).toMatchObject({
      source: "method",
      cachingEnabled: true,
      cacheTtlInSeconds: 10,
    });
    // A different path with the same verb is not affected by the key.
    expect(effectiveMethodSettings(raw, "/orders", "POST", cluster)).toMatchObject({ source: "stage", cachingEnabled: false });
  });

  it("caches nothing without a cache cluster", () => {
    const raw = { "*/*": { cachingEnabled: true } };
    expect(effectiveMethodSettings(raw, "/a", "GET", { cacheClusterEnabled: false }).cachingEnabled).toBe(false);
  });
});
