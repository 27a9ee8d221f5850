import fc from "fast-check";
import {
  AUTHORIZATION_TYPES,
  HTTP_VERBS,
  type ApiModel,
  type DeployedMethodSummary,
  type GatewayResponseModel,
  type HttpVerb,
  type IntegrationModel,
  type MethodModel,
  type ResourceModel,
  type StageModel,
} from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

/**
 * Random ApiModels for differential tests of rule support code (an optimised helper against the plain algorithm it
 * replaced). Built as plain objects, not through normalizeApi, so they also hold what a normalised model rarely does
 * and the code must still answer the same for: duplicated paths, resources out of order, a method off its resource's
 * path, deployments serving paths the draft does not have, stages without a readable deployment.
 */

// A small pool, so paths repeat and fall-throughs ({param} siblings, greedy ancestors) happen often.
const PATHS = ["/", "/a", "/a/{id}", "/a/{id}/x", "/a/{proxy+}", "/b", "/b/c", "/{x}", "/{x}/y"] as const;

const CORS_PARAMETER = "method.response.header.Access-Control-Allow-Origin";
const OTHER_PARAMETER = "method.response.header.X-Trace";
const CORS_OVERRIDE = "#set($context.responseOverride.header.Access-Control-Allow-Origin = '*')";
const OTHER_OVERRIDE = "#set($context.responseOverride.header.X-Trace = 'x')";

const authorization = fc.record({
  authorizationType: fc.oneof(fc.constant("NONE" as const), fc.constantFrom(...AUTHORIZATION_TYPES)),
  apiKeyRequired: fc.boolean(),
});

const integration: fc.Arbitrary<IntegrationModel | undefined> = fc
  .option(
    fc.record({
      type: fc.constantFrom("MOCK" as const, "AWS_PROXY" as const),
      mapped: fc.constantFrom(undefined, CORS_PARAMETER, OTHER_PARAMETER),
      template: fc.constantFrom(undefined, CORS_OVERRIDE, OTHER_OVERRIDE),
    }),
    { nil: undefined },
  )
  .map((spec) =>
    spec === undefined
      ? undefined
      : {
          type: spec.type,
          cacheKeyParameters: [],
          requestTemplates: {},
          requestParameters: {},
          integrationResponses: [
            {
              statusCode: "200",
              responseParameters: spec.mapped ? { [spec.mapped]: "'*'" } : {},
              ...(spec.template ? { responseTemplates: { "application/json": spec.template } } : {}),
            },
          ],
        },
  );

const methodSpec = fc.record({
  verb: fc.constantFrom(...HTTP_VERBS),
  auth: authorization,
  authorizerId: fc.constantFrom(undefined, "a1", "a2", "unlisted"),
  jsonModel: fc.boolean(),
  requiredHeader: fc.boolean(),
  declared: fc.constantFrom(undefined, CORS_PARAMETER, OTHER_PARAMETER),
  integration,
  offPath: fc.constantFrom(undefined, ...PATHS),
});

const resourceSpec = fc.record({
  path: fc.constantFrom(...PATHS),
  methods: fc.uniqueArray(methodSpec, { maxLength: 4, selector: (m) => m.verb }),
});

const summaryMap = fc.dictionary(
  fc.constantFrom(...PATHS, "/only-deployed", "/only-deployed/{id}"),
  // A verb listed with no summary is still a key the deployment has (the rules must treat it as the old code did).
  fc.dictionary(fc.constantFrom(...HTTP_VERBS), fc.option(authorization, { nil: undefined, freq: 8 }), { maxKeys: 3 }),
  { maxKeys: 6 },
);

const stageSpec = fc.record({ deployed: fc.boolean(), apiSummary: summaryMap, sharesDraft: fc.boolean() });

const gatewayResponseSpec = fc.record({
  isDefault: fc.boolean(),
  cors: fc.boolean(),
  responseType: fc.constantFrom("DEFAULT_4XX", "UNAUTHORIZED", "ACCESS_DENIED"),
});

export const randomModel: fc.Arbitrary<ApiModel> = fc
  .record({
    resources: fc.array(resourceSpec, { maxLength: 8 }),
    stages: fc.array(stageSpec, { maxLength: 3 }),
    gatewayResponses: fc.array(gatewayResponseSpec, { maxLength: 3 }),
    apiKeySource: fc.constantFrom("HEADER" as const, "AUTHORIZER" as const),
  })
  .map((spec) => {
    const base = api({ apiKeySource: spec.apiKeySource })
      .authorizer("a1", { type: "TOKEN", id: "a1" })
      .authorizer("a2", { type: "REQUEST", id: "a2", identitySource: "method.request.querystring.k", ttl: 0 })
      .build();
    const resources: ResourceModel[] = spec.resources.map((r, index) => {
      const id = `r${index}`;
      const methods = r.methods.map((m): MethodModel => ({
        resourceId: id,
        path: m.offPath ?? r.path,
        httpMethod: m.verb,
        authorizationType: m.auth.authorizationType,
        ...(m.authorizerId !== undefined ? { authorizerId: m.authorizerId } : {}),
        apiKeyRequired: m.auth.apiKeyRequired,
        authorizationScopes: [],
        requestParameters: m.requiredHeader ? { "method.request.header.X-Custom": true } : {},
        requestModels: m.jsonModel ? { "application/json": "Model" } : {},
        ...(m.integration ? { integration: m.integration } : {}),
        methodResponses: [{ statusCode: "200", responseParameters: m.declared ? { [m.declared]: false } : {} }],
      }));
      return { id, path: r.path, pathPart: r.path.slice(r.path.lastIndexOf("/") + 1), methods };
    });
    const draftSummary = (): Record<string, Partial<Record<HttpVerb, DeployedMethodSummary>>> => {
      const summary: Record<string, Partial<Record<HttpVerb, DeployedMethodSummary>>> = {};
      for (const resource of resources)
        for (const method of resource.methods)
          (summary[method.path] ??= {})[method.httpMethod] = {
            authorizationType: method.authorizationType,
            apiKeyRequired: method.apiKeyRequired,
          };
      return summary;
    };
    const stages = spec.stages.map((s, index): StageModel => ({
      name: `stage${index}`,
      deploymentId: `d${index}`,
      cacheClusterEnabled: false,
      tracingEnabled: false,
      variableNames: [],
      methodSettings: {},
      effectiveSettings: [],
      drift: [],
      ...(s.deployed ? { deployment: { id: `d${index}`, apiSummary: s.sharesDraft ? draftSummary() : s.apiSummary } } : {}),
    }));
    const gatewayResponses = spec.gatewayResponses.map((g): GatewayResponseModel => ({
      responseType: g.responseType,
      responseParameters: g.cors ? { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } : {},
      responseTemplates: {},
      isDefault: g.isDefault,
    }));
    return { ...base, resources, stages, gatewayResponses };
  });
