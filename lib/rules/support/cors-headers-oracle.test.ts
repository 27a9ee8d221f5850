/**
 * The in-place readers of cors-headers.ts (issue 16) against the copying implementations they replaced, kept here as
 * oracles, on random integration and method responses with hostile keys: prefixes and names in every case, the
 * console's spellings and near misses, names that lower-case outside ASCII, duplicates, "__proto__", and templates
 * that set (or only mention) $context.responseOverride headers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOverride, templateHeaders } from "@/lib/model/response-overrides";
import type { IntegrationResponseModel, MethodModel, MethodResponseModel } from "@/lib/model/types";
import {
  CORS_HEADER,
  declaresHeader,
  corsReader,
  defaultCors,
  readCors,
  defaultMappedHeader,
  defaultResponse,
  headerValue,
  includesIgnoreCase,
  literalValue,
  mappedHeader,
  sentHeader,
  type ConfiguredResponse,
} from "./cors-headers";
import { overriddenHeaders } from "./template-headers";

// ---- the replaced implementations (lib/rules/support/cors-headers.ts before issue 16) ----

const oldLiteralValue = (expression: string) => /^'(.*)'$/s.exec(expression.trim())?.[1];
const oldIncludesIgnoreCase = (list: readonly string[], item: string) => list.some((e) => e.toLowerCase() === item.toLowerCase());
function oldHeaderValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
function oldDefaultResponse(method: MethodModel): ConfiguredResponse {
  const responses = method.integration?.integrationResponses ?? [];
  const chosen = responses.find((r) => !r.selectionPattern) ?? responses[0];
  const statusCode = chosen?.statusCode;
  const methodResponse = method.methodResponses.find((r) => r.statusCode === statusCode);
  const declared = Object.keys(methodResponse?.responseParameters ?? {})
    .filter((key) => key.toLowerCase().startsWith("method.response.header."))
    .map((key) => key.slice("method.response.header.".length));
  const mapped: Record<string, string> = {};
  for (const [key, value] of Object.entries(chosen?.responseParameters ?? {})) {
    if (key.toLowerCase().startsWith("method.response.header.")) mapped[key.slice("method.response.header.".length)] = value;
  }
  return {
    ...(statusCode !== undefined ? { statusCode } : {}),
    declared,
    mapped,
    templated: templateHeaders(chosen?.responseTemplates),
  };
}
function oldSentHeader(response: ConfiguredResponse, name: string): string | undefined {
  const override = response.templated.get(name.toLowerCase());
  if (override)
    return override.value.kind === "literal" && !override.conditional ? `'${override.value.value}'` : describeOverride(override);
  return oldHeaderValue(response.mapped, name);
}

// ---- random responses ----

const PREFIXES = [
  "method.response.header.",
  "Method.Response.Header.",
  "METHOD.RESPONSE.HEADER.",
  "method.request.header.",
  "method.response.heade",
  "",
];
const NAMES = [
  CORS_HEADER.allowOrigin,
  CORS_HEADER.allowMethods,
  CORS_HEADER.allowHeaders,
  CORS_HEADER.allowCredentials,
  "access-control-allow-origin",
  "ACCESS-CONTROL-ALLOW-HEADERS",
  "Access-Control-Allow-Orİgin",
  "Access-Control-Allow-Origin-X",
  "X-Custom",
  "__proto__",
  "",
];
/**
 * Names the rules ask for. Not "__proto__": a copied record cannot hold it, so the copies never found it (rules only ask
 * for CORS header names; mappings named "__proto__" are in the records above all the same).
 */
const ASKED = [...NAMES.filter((n) => n !== "__proto__"), "access-control-allow-credentials"];
const VALUES = [
  "'*'",
  "'true'",
  " 'TRUE' ",
  "'GET,PUT'",
  "'https://a.example, https://b.example'",
  "method.request.header.Origin",
  "''",
  "'",
  "x",
];
const TEMPLATES = [
  "",
  '{"statusCode": 200}',
  "#set($context.responseOverride.header.Access-Control-Allow-Origin = '*')",
  "$context.responseOverride.header.put('Access-Control-Allow-Methods', 'GET')",
  "#if($x)#set($context.responseOverride.header.access-control-allow-origin = $input.params('origin'))#end",
  "#set($context.responseOverride.header.X-Custom = 'y') $context.responseOverride.header.",
];

const key = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...NAMES)).map(([p, n]) => p + n);
const record = <T>(value: fc.Arbitrary<T>) => fc.dictionary(key, value, { maxKeys: 5 });
const templates = fc.option(
  fc.dictionary(fc.constantFrom("application/json", "text/plain"), fc.constantFrom(...TEMPLATES), { maxKeys: 2 }),
  {
    nil: undefined,
  },
);
const status = fc.constantFrom("200", "204", "400", "500");
const integrationResponse: fc.Arbitrary<IntegrationResponseModel> = fc
  .record({
    statusCode: status,
    selectionPattern: fc.option(fc.constantFrom("", ".*error.*"), { nil: undefined }),
    responseParameters: record(fc.constantFrom(...VALUES)),
    responseTemplates: templates,
  })
  .map(({ selectionPattern, responseTemplates, ...rest }) => ({
    ...rest,
    ...(selectionPattern !== undefined ? { selectionPattern } : {}),
    ...(responseTemplates !== undefined ? { responseTemplates } : {}),
  }));
const methodResponse: fc.Arbitrary<MethodResponseModel> = fc.record({ statusCode: status, responseParameters: record(fc.boolean()) });
const method: fc.Arbitrary<MethodModel> = fc
  .record({
    integrationResponses: fc.option(fc.array(integrationResponse, { maxLength: 3 }), { nil: undefined }),
    methodResponses: fc.array(methodResponse, { maxLength: 3 }),
  })
  .map(({ integrationResponses, methodResponses }) => ({
    resourceId: "r",
    path: "/x",
    httpMethod: "OPTIONS",
    authorizationType: "NONE",
    apiKeyRequired: false,
    authorizationScopes: [],
    requestParameters: {},
    requestModels: {},
    methodResponses,
    ...(integrationResponses
      ? { integration: { type: "MOCK", cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses } }
      : {}),
  }));

describe("cors-headers against the implementations it replaced", () => {
  it("defaultResponse, defaultCors and defaultMappedHeader answer as the copying readers did", () => {
    fc.assert(
      fc.property(method, (m) => {
        const old = oldDefaultResponse(m);
        const now = defaultResponse(m);
        expect({ ...now, templated: [...now.templated] }).toEqual({ ...old, templated: [...old.templated] });
        const cors = defaultCors(m);
        const expected = {
          ...(old.statusCode !== undefined ? { statusCode: old.statusCode } : {}),
          origin: oldSentHeader(old, CORS_HEADER.allowOrigin),
          methods: oldSentHeader(old, CORS_HEADER.allowMethods),
          headers: oldSentHeader(old, CORS_HEADER.allowHeaders),
          credentials: oldLiteralValue(oldSentHeader(old, CORS_HEADER.allowCredentials) ?? "") === "true",
          undeclared: Object.keys(old.mapped).filter((h) => !oldIncludesIgnoreCase(old.declared, h) && !old.templated.has(h.toLowerCase())),
        };
        expect({ ...cors, undeclared: [...cors.undeclared] }).toEqual(JSON.parse(JSON.stringify(expected)));
        // readCors is defaultCors without the memo: equal answers, a new object each time.
        const read = readCors(m);
        expect(read).toEqual(cors);
        expect(read).not.toBe(cors);
        for (const name of ASKED) {
          expect(defaultMappedHeader(m, name)).toBe(oldHeaderValue(old.mapped, name));
          expect(sentHeader(now, name)).toBe(oldSentHeader(old, name));
        }
        // Asked again (memoised per integration response), the answers are the same objects.
        expect(defaultCors(m)).toBe(cors);
        expect(defaultResponse(m)).toBe(now);
      }),
      { numRuns: 1500 },
    );
  });

  it("corsReader answers as readCors, also for methods that share their responses", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(method, fc.nat(2)), { maxLength: 6 }), (methods) => {
        const read = corsReader();
        // Each method, then as many copies holding the same response objects (as normalise shares equal parts).
        for (const [m, copies] of methods)
          for (let i = 0; i <= copies; i++) {
            const asked = i === 0 ? m : { ...m };
            expect(read(asked)).toEqual(readCors(asked));
          }
      }),
      { numRuns: 500 },
    );
  });

  it("mappedHeader, declaresHeader and headerValue read records as the copies did", () => {
    fc.assert(
      fc.property(record(fc.constantFrom(...VALUES)), record(fc.boolean()), fc.constantFrom(...ASKED), (mapping, declaring, name) => {
        const copied: Record<string, string> = {};
        for (const [k, v] of Object.entries(mapping))
          if (k.toLowerCase().startsWith("method.response.header.")) copied[k.slice("method.response.header.".length)] = v;
        expect(mappedHeader(mapping, name)).toBe(oldHeaderValue(copied, name));
        const declared = Object.keys(declaring)
          .filter((k) => k.toLowerCase().startsWith("method.response.header."))
          .map((k) => k.slice("method.response.header.".length));
        expect(declaresHeader(declaring, name)).toBe(oldIncludesIgnoreCase(declared, name));
        expect(headerValue(mapping, name)).toBe(oldHeaderValue(mapping, name));
        expect(includesIgnoreCase(Object.keys(mapping), name)).toBe(oldIncludesIgnoreCase(Object.keys(mapping), name));
      }),
      { numRuns: 3000 },
    );
  });

  it("literalValue matches the regular expression it replaced", () => {
    const expression = fc.oneof(
      fc.constantFrom(...VALUES, "'a'b'", " \u00a0'x'\n", "'\n'", "\ufeff''", "'x' "),
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.string({ maxLength: 4 }).map((s) => `'${s}'`),
    );
    fc.assert(
      fc.property(expression, (e) => {
        expect(literalValue(e)).toBe(oldLiteralValue(e));
      }),
      { numRuns: 3000 },
    );
  });

  it("overriddenHeaders skips only templates that set nothing", () => {
    fc.assert(
      fc.property(templates, (t) => {
        expect([...overriddenHeaders(t)]).toEqual([...templateHeaders(t)]);
      }),
      { numRuns: 1000 },
    );
  });
});
