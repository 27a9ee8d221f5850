import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Authorizer, Deployment, GatewayResponse, Resource, RestApi, Stage } from "@aws-sdk/client-api-gateway";
import { auditModel } from "@/lib/audit/audit-model";
import type { AuditReport } from "@/lib/audit/types";
import {
  reshapeAuthorizer,
  reshapeDeployment,
  reshapeGatewayResponse,
  reshapeResource,
  reshapeRestApi,
  reshapeStage,
} from "@/lib/aws/reader/reshape-wire";
import { WireTally } from "@/lib/aws/reader/wire-values";
import type { RawApiSnapshot, RawMethod, RawResource, RawStage } from "@/lib/model/raw-snapshot";
import type { MissingPart, ModelPart } from "@/lib/model/types";
import { AUTHORIZATION_TYPES, HTTP_VERBS } from "@/lib/model/types";

/**
 * Random shapes through the reader's reshaping, the normaliser and every rule (issue 15): whatever API Gateway (or a
 * proxy, or a future version) sends, and whatever a template reader builds, the audit ends in a report whose every
 * gap is labelled, and never throws. Seeded and bounded: the machine is shared.
 */
const SEED = 20_261_130;
const RUNS = 120;

// Values of any JSON type, for fields where the wire may carry the wrong one.
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.object({ maxDepth: 2 })), {
    maxKeys: 3,
  }),
);
const maybe = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: anyJson }, { weight: 2, arbitrary: fc.constant(undefined) });

const segment = fc.oneof(
  fc.constantFrom("orders", "users", "{id}", "{userId}", "{proxy+}", "me", "a", "", "~", "%2F", "{x}", "{"),
  fc.string({ maxLength: 5 }),
);
const path = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join("/")}`);
const verb = fc.oneof(fc.constantFrom(...HTTP_VERBS), fc.constantFrom("TRACE", "get", ""));
const authorizationType = fc.oneof(fc.constantFrom(...AUTHORIZATION_TYPES), fc.constant("FUTURE_VALUE_2030"));
const headerMap = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "method.response.header.Access-Control-Allow-Origin",
      "method.response.header.Access-Control-Allow-Methods",
      "method.response.header.Access-Control-Allow-Headers",
      "method.response.header.Access-Control-Allow-Credentials",
      "method.request.header.Authorization",
    ),
    fc.string({ maxLength: 10 }),
  ),
  fc.oneof(
    fc.constantFrom("'*'", "'GET,OPTIONS'", "'https://a.example'", "'true'", "method.request.header.Origin"),
    fc.string({ maxLength: 10 }),
  ),
  { maxKeys: 3 },
);

const wireMethod = fc.record(
  {
    httpMethod: maybe(verb),
    authorizationType: maybe(authorizationType),
    authorizerId: maybe(fc.constantFrom("auth1", "auth2", "missing")),
    apiKeyRequired: maybe(fc.boolean()),
    requestParameters: maybe(fc.dictionary(fc.constantFrom("method.request.header.X-Id", "method.request.querystring.q"), fc.boolean())),
    requestModels: maybe(fc.dictionary(fc.constantFrom("application/json", "text/plain"), fc.string({ maxLength: 5 }))),
    methodIntegration: maybe(
      fc.record(
        {
          type: maybe(fc.constantFrom("MOCK", "AWS_PROXY", "HTTP", "HTTP_PROXY", "AWS", "FUTURE_VALUE_2030")),
          uri: maybe(fc.string({ maxLength: 10 })),
          cacheKeyParameters: maybe(fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 })),
          requestTemplates: maybe(fc.dictionary(fc.constantFrom("application/json"), fc.string({ maxLength: 10 }))),
          integrationResponses: maybe(
            fc.dictionary(
              fc.constantFrom("200", "204", "400", "500"),
              fc.record(
                {
                  statusCode: maybe(fc.constantFrom("200", "204", "403")),
                  selectionPattern: maybe(fc.string({ maxLength: 4 })),
                  responseParameters: maybe(headerMap),
                },
                { requiredKeys: [] },
              ),
              { maxKeys: 2 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    methodResponses: maybe(
      fc.dictionary(
        fc.constantFrom("200", "204", "400"),
        fc.record(
          {
            statusCode: maybe(fc.constantFrom("200", "204")),
            responseParameters: maybe(fc.dictionary(fc.string({ maxLength: 40 }), fc.boolean())),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 2 },
      ),
    ),
  },
  { requiredKeys: [] },
);

const wireResource = fc.record(
  {
    id: maybe(fc.string({ minLength: 1, maxLength: 6 })),
    path: maybe(path),
    pathPart: maybe(fc.string({ maxLength: 5 })),
    resourceMethods: maybe(fc.dictionary(verb, wireMethod, { maxKeys: 3 })),
  },
  { requiredKeys: [] },
);

const wireStage = fc.record(
  {
    stageName: maybe(fc.constantFrom("prod", "dev", "beta")),
    deploymentId: maybe(fc.constantFrom("d1", "d2")),
    cacheClusterEnabled: maybe(fc.boolean()),
    variables: maybe(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 12 }), { maxKeys: 2 })),
    methodSettings: maybe(
      fc.dictionary(
        fc.oneof(fc.constantFrom("*/*", "~1orders/GET", "~1orders/*", "bad"), fc.string({ maxLength: 6 })),
        fc.record(
          {
            cachingEnabled: maybe(fc.boolean()),
            cacheTtlInSeconds: maybe(fc.integer({ min: -1, max: 4000 })),
            requireAuthorizationForCacheControl: maybe(fc.boolean()),
            unauthorizedCacheControlHeaderStrategy: maybe(
              fc.constantFrom("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "FUTURE_VALUE_2030"),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 2 },
      ),
    ),
  },
  { requiredKeys: [] },
);

const wireAuthorizer = fc.record(
  {
    id: maybe(fc.constantFrom("auth1", "auth2")),
    name: maybe(fc.string({ maxLength: 6 })),
    type: maybe(fc.constantFrom("TOKEN", "REQUEST", "COGNITO_USER_POOLS", "FUTURE_VALUE_2030")),
    identitySource: maybe(fc.constantFrom("method.request.header.Authorization", "method.request.header.A, context.path", "", "junk")),
    authorizerResultTtlInSeconds: maybe(fc.integer({ min: -5, max: 4000 })),
  },
  { requiredKeys: [] },
);

const wireGatewayResponse = fc.record(
  {
    responseType: maybe(fc.constantFrom("DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED", "ACCESS_DENIED", "FUTURE_VALUE_2030")),
    statusCode: maybe(fc.constantFrom("401", "403")),
    responseParameters: maybe(headerMap),
    defaultResponse: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);

const wireDeployment = fc.record(
  {
    id: maybe(fc.constantFrom("d1", "d2")),
    apiSummary: maybe(
      fc.dictionary(
        path,
        fc.dictionary(
          verb,
          fc.record({ authorizationType: maybe(authorizationType), apiKeyRequired: maybe(fc.boolean()) }, { requiredKeys: [] }),
          { maxKeys: 2 },
        ),
        {
          maxKeys: 4,
        },
      ),
    ),
  },
  { requiredKeys: [] },
);

const wireApi = fc.record(
  {
    id: maybe(fc.constant("api1")),
    name: maybe(fc.string({ maxLength: 8 })),
    apiKeySource: maybe(fc.constantFrom("HEADER", "AUTHORIZER", "FUTURE_VALUE_2030")),
    binaryMediaTypes: maybe(fc.array(fc.constantFrom("*/*", "image/png", "application/json"), { maxLength: 2 })),
    policy: maybe(
      fc.constantFrom('{"Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}', "{not json", ""),
    ),
  },
  { requiredKeys: [] },
);

const PARTS: readonly ModelPart[] = ["resources", "authorizers", "stages", "gatewayResponses", "deployments"];
const missingPart = fc.record({ part: fc.constantFrom(...PARTS), operation: fc.constant("GetResources"), reason: fc.constant("fuzz") });

/** The reader's own assembly, as read-api does it, minus the network. */
function snapshotFromWire(wire: {
  api: unknown;
  resources: unknown[];
  stages: unknown[];
  authorizers: unknown[];
  gatewayResponses: unknown[];
  deployments: unknown[];
  missing: MissingPart[];
}): RawApiSnapshot {
  const tally = new WireTally();
  const keep = <T>(list: Array<T | undefined>) => list.filter((item): item is T => item !== undefined);
  const deployments: RawApiSnapshot["deployments"] = {};
  for (const d of wire.deployments) {
    const deployment = reshapeDeployment(d as Deployment, "d1", tally);
    deployments[deployment.id] = deployment;
  }
  return {
    region: "us-east-1",
    restApi: reshapeRestApi(wire.api as RestApi, "api1", tally),
    resources: keep(wire.resources.map((r) => reshapeResource(r as Resource, tally))),
    stages: keep(wire.stages.map((s) => reshapeStage(s as Stage, tally))),
    authorizers: keep(wire.authorizers.map((a) => reshapeAuthorizer(a as Authorizer, tally))),
    gatewayResponses: keep(wire.gatewayResponses.map((g) => reshapeGatewayResponse(g as GatewayResponse, tally))),
    deployments,
    missing: wire.missing,
    warnings: tally.messages("fuzz"),
  };
}

/** What "labelled" means for a report: every gap is said, and nothing claims to have run on data it lacked. */
function expectLabelled(report: AuditReport, snapshot: RawApiSnapshot): void {
  const missingParts = new Set(snapshot.missing.map((m) => m.part));
  expect(report.partial).toBe(missingParts.size > 0);
  for (const part of missingParts) expect(report.warnings.some((w) => w.code === "partial-read" && w.part === part)).toBe(true);
  for (const skipped of report.notEvaluated) expect(skipped.missing.every((part) => missingParts.has(part))).toBe(true);
  for (const finding of report.findings) {
    expect(typeof finding.message).toBe("string");
    expect(finding.message).not.toMatch(/\{\{\w+\}\}/);
  }
  for (const warning of snapshot.warnings ?? []) expect(report.warnings.some((w) => w.message === warning)).toBe(true);
  // Serialisable as stored and shared: no cycles, nothing JSON cannot carry.
  expect(() => JSON.stringify(report)).not.toThrow();
}

function audit(snapshot: RawApiSnapshot): AuditReport {
  const result = auditModel({
    snapshot,
    source: { kind: "live", connection: "fuzz", customEndpoint: true },
    readAt: "2026-11-30T00:00:00.000Z",
  });
  if (!result.ok) throw new Error(`no report: ${JSON.stringify(result.failure)}`);
  return result.report;
}

describe("fuzz: random shapes through reshaping, normalising and every rule", () => {
  it("wire answers of any shape end in a labelled report", () => {
    fc.assert(
      fc.property(
        fc.record({
          api: wireApi,
          resources: fc.array(wireResource, { maxLength: 8 }),
          stages: fc.array(wireStage, { maxLength: 3 }),
          authorizers: fc.array(wireAuthorizer, { maxLength: 3 }),
          gatewayResponses: fc.array(wireGatewayResponse, { maxLength: 3 }),
          deployments: fc.array(wireDeployment, { maxLength: 2 }),
          missing: fc.array(missingPart, { maxLength: 2 }),
        }),
        (wire) => {
          const snapshot = snapshotFromWire(wire);
          expectLabelled(audit(snapshot), snapshot);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // Well-typed raw snapshots, as the template readers build them: odd but legal values only.
  const rawMethod: fc.Arbitrary<RawMethod> = fc.record(
    {
      httpMethod: verb,
      authorizationType: authorizationType,
      authorizerId: fc.constantFrom("auth1", "nope"),
      apiKeyRequired: fc.boolean(),
      requestParameters: fc.dictionary(fc.constantFrom("method.request.header.X-Id"), fc.boolean()),
      methodIntegration: fc.record(
        {
          type: fc.constantFrom("MOCK", "AWS_PROXY", "HTTP", "FUTURE_VALUE_2030"),
          integrationResponses: fc.dictionary(
            fc.constantFrom("200", "500"),
            fc.record({ statusCode: fc.constantFrom("200", "500"), responseParameters: headerMap }, { requiredKeys: [] }),
            { maxKeys: 2 },
          ),
        },
        { requiredKeys: [] },
      ),
      methodResponses: fc.dictionary(
        fc.constantFrom("200"),
        fc.record(
          { statusCode: fc.constant("200"), responseParameters: fc.dictionary(fc.string({ maxLength: 40 }), fc.boolean()) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const rawResource: fc.Arbitrary<RawResource> = fc.record(
    { id: fc.string({ maxLength: 4 }), path, resourceMethods: fc.dictionary(verb, rawMethod, { maxKeys: 3 }) },
    { requiredKeys: ["id", "path"] },
  );
  const rawStage: fc.Arbitrary<RawStage> = fc.record(
    {
      stageName: fc.constantFrom("prod", "dev", ""),
      deploymentId: fc.constantFrom("d1", "gone"),
      cacheClusterEnabled: fc.boolean(),
      variableNames: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
      methodSettings: fc.dictionary(
        fc.constantFrom("*/*", "~1orders/GET", "junk/"),
        fc.record({ cachingEnabled: fc.boolean(), cacheTtlInSeconds: fc.integer({ min: -1, max: 4000 }) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ["stageName", "variableNames"] },
  );

  it("legal raw snapshots of any shape end in a labelled report", () => {
    fc.assert(
      fc.property(
        fc.record({
          resources: fc.option(fc.array(rawResource, { maxLength: 10 }), { nil: undefined }),
          stages: fc.option(fc.array(rawStage, { maxLength: 3 }), { nil: undefined }),
          apiSummary: fc.dictionary(
            path,
            fc.dictionary(verb, fc.record({ authorizationType, apiKeyRequired: fc.boolean() }, { requiredKeys: [] })),
            { maxKeys: 5 },
          ),
          missing: fc.array(missingPart, { maxLength: 2 }),
          apiKeySource: fc.constantFrom("HEADER", "AUTHORIZER", "FUTURE_VALUE_2030"),
        }),
        ({ resources, stages, apiSummary, missing, apiKeySource }) => {
          const snapshot: RawApiSnapshot = {
            region: "us-east-1",
            restApi: { id: "api1", name: "fuzz", apiKeySource },
            ...(resources ? { resources } : {}),
            ...(stages ? { stages } : {}),
            authorizers: [
              { id: "auth1", type: "REQUEST", identitySource: "method.request.header.Authorization", authorizerResultTtlInSeconds: 300 },
            ],
            gatewayResponses: [],
            deployments: { d1: { id: "d1", apiSummary } },
            missing,
          };
          expectLabelled(audit(snapshot), snapshot);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
