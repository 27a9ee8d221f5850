import { describe, expect, it } from "vitest";
import { browserVerdict, type VerdictInput } from "./browser-verdict";

const preflight: VerdictInput = {
  kind: "preflight",
  status: 200,
  cors: {
    "access-control-allow-origin": "https://shop.example.com",
    "access-control-allow-methods": "GET,PUT,OPTIONS",
    "access-control-allow-headers": "Content-Type,Authorization",
  },
  origin: "https://shop.example.com",
  verb: "PUT",
  requestHeaders: "authorization,content-type",
};

describe("browserVerdict", () => {
  it("accepts a complete preflight answer", () => {
    expect(browserVerdict(preflight)).toEqual({ passes: true });
  });

  it("refuses a non-2xx preflight, a redirect included", () => {
    expect(browserVerdict({ ...preflight, status: 401 })).toEqual({ passes: false, because: "the preflight answered 401, not 2xx" });
    expect(browserVerdict({ ...preflight, status: 302 }).passes).toBe(false);
  });

  it("refuses a missing, foreign or comma-listed Allow-Origin", () => {
    expect(browserVerdict({ ...preflight, cors: { ...preflight.cors, "access-control-allow-origin": undefined } }).passes).toBe(false);
    expect(browserVerdict({ ...preflight, origin: "https://m.shop.example.com" }).passes).toBe(false);
    expect(
      browserVerdict({
        ...preflight,
        cors: { ...preflight.cors, "access-control-allow-origin": "https://shop.example.com,https://m.shop.example.com" },
      }).passes,
    ).toBe(false);
  });

  it("needs the method unless it is safelisted, and every requested header, never covering Authorization with *", () => {
    expect(browserVerdict({ ...preflight, verb: "DELETE" })).toEqual({
      passes: false,
      because: "Access-Control-Allow-Methods lacks DELETE",
    });
    expect(browserVerdict({ ...preflight, verb: "POST" }).passes).toBe(true);
    const star = { ...preflight, cors: { ...preflight.cors, "access-control-allow-headers": "*" } };
    expect(browserVerdict(star)).toEqual({ passes: false, because: "Access-Control-Allow-Headers lacks authorization" });
  });

  it("checks only Allow-Origin on an actual response", () => {
    expect(browserVerdict({ ...preflight, kind: "actual", status: 403, cors: { "access-control-allow-origin": "*" } })).toEqual({
      passes: true,
    });
    expect(browserVerdict({ ...preflight, kind: "actual", status: 200, cors: {} }).passes).toBe(false);
  });
});
