import fc from "fast-check";
import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { corsOriginMisconfigured, originProblem } from "./rule";

testRule(corsOriginMisconfigured, cases);

it("names the API's own single origin in the fix, and the first of a list", () => {
  const [wildcard] = runRule(corsOriginMisconfigured, cases.invalid[0]!.model);
  expect(wildcard?.fixes[0]).toMatchObject({
    kind: "add-method-response-cors-origin",
    path: "/cart",
    httpMethod: "PUT",
    statusCode: "200",
    allowOrigin: "https://app.example.com",
  });
  const [list] = runRule(corsOriginMisconfigured, cases.invalid[2]!.model);
  expect(list?.fixes[0]).toMatchObject({ kind: "set-preflight-headers", allowOrigin: "https://a.example.com" });
});

it("reads origin lists separated by commas or spaces, and leaves the preflight's own '*'+credentials to preflight-response-incomplete", () => {
  expect(
    originProblem({ "method.response.header.Access-Control-Allow-Origin": "'https://a.example https://b.example'" }, false)?.kind,
  ).toBe("originList");
  const wildcard = {
    "method.response.header.Access-Control-Allow-Origin": "'*'",
    "method.response.header.Access-Control-Allow-Credentials": "'true'",
  };
  expect(originProblem(wildcard, true)).toBeUndefined();
  expect(originProblem(wildcard, false)?.kind).toBe("wildcardCredentials");
});

// originProblem as it was before issue 16 (regular expressions over Object.keys, every value split): the oracle for
// the in-place reading, on records with hostile keys and values.
function oldOriginProblem(parameters: Record<string, string>, isPreflight: boolean) {
  const originKey = Object.keys(parameters).find((k) => /\.header\.access-control-allow-origin$/i.test(k));
  if (originKey === undefined) return undefined;
  const expression = parameters[originKey] ?? "";
  const value = /^'(.*)'$/s.exec(expression.trim())?.[1];
  if (value === undefined) return undefined;
  const credentialsKey = Object.keys(parameters).find((k) => /\.header\.access-control-allow-credentials$/i.test(k));
  const credentials =
    credentialsKey !== undefined &&
    /^'(.*)'$/s
      .exec((parameters[credentialsKey] ?? "").trim())?.[1]
      ?.trim()
      .toLowerCase() === "true";
  const origins = value.split(/[\s,]+/).filter(Boolean);
  if (origins.length > 1) return { kind: "originList", value: expression, credentials, origins };
  if (value.trim() === "*" && credentials && !isPreflight) return { kind: "wildcardCredentials", value: expression, credentials, origins };
  return undefined;
}

it("reads origins and credentials exactly as the regular expressions did", () => {
  const key = fc
    .tuple(
      fc.constantFrom("method.response.header.", "gatewayresponse.header.", "METHOD.RESPONSE.HEADER.", "x.", ""),
      fc.constantFrom(
        "Access-Control-Allow-Origin",
        "access-control-allow-ORIGIN",
        "Access-Control-Allow-Credentials",
        "Access-Control-Allow-Origin-X",
        "Access-Control-Allow-Orİgin",
        "Access-Control-Allow-\u212Aredentials",
        "Vary",
      ),
    )
    .map(([prefix, name]) => prefix + name);
  const value = fc.constantFrom(
    "'*'",
    " '*' ",
    "'* '",
    "'true'",
    "' TRUE '",
    "'https://a.example, https://b.example'",
    "'https://a.example\u00a0https://b.example'",
    "'https://a.example'",
    "',,'",
    "''",
    "method.request.header.Origin",
    "'",
  );
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 4 }), fc.boolean(), (parameters, isPreflight) => {
      expect(originProblem(parameters, isPreflight)).toEqual(oldOriginProblem(parameters, isPreflight));
    }),
    { numRuns: 2000 },
  );
});
