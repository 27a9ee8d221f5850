/** zod schema of the ApiModel, for validating stored audits when they are read back. */
import { z } from "zod";
import { exactSchema } from "@/lib/model/exact-schema";
import { AUTHORIZATION_TYPES, HTTP_VERBS, MODEL_SCHEMA_VERSION, type ApiModel } from "@/lib/model/types";

export const httpVerbSchema = z.enum(HTTP_VERBS);
export const authorizationTypeSchema = z.enum(AUTHORIZATION_TYPES);
export const modelPartSchema = z.enum(["resources", "authorizers", "stages", "gatewayResponses", "deployments"]);
const stringMap = z.record(z.string(), z.string());
const boolMap = z.record(z.string(), z.boolean());

const integration = z.object({
  type: z.enum(["HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "MOCK"]),
  httpMethod: z.string().optional(),
  uri: z.string().optional(),
  cacheKeyParameters: z.array(z.string()),
  cacheNamespace: z.string().optional(),
  requestTemplates: stringMap,
  requestParameters: stringMap,
  integrationResponses: z.array(
    z.object({
      statusCode: z.string(),
      selectionPattern: z.string().optional(),
      responseParameters: stringMap,
      responseTemplates: stringMap.optional(),
      contentHandling: z.string().optional(),
    }),
  ),
  contentHandling: z.string().optional(),
});

const method = z.object({
  resourceId: z.string(),
  path: z.string(),
  httpMethod: httpVerbSchema,
  authorizationType: authorizationTypeSchema,
  authorizerId: z.string().optional(),
  apiKeyRequired: z.boolean(),
  authorizationScopes: z.array(z.string()),
  requestParameters: boolMap,
  requestModels: stringMap,
  operationName: z.string().optional(),
  requestValidatorId: z.string().optional(),
  integration: integration.optional(),
  methodResponses: z.array(z.object({ statusCode: z.string(), responseParameters: boolMap })),
});

const methodSettings = z.object({
  cachingEnabled: z.boolean(),
  cacheTtlInSeconds: z.number(),
  cacheDataEncrypted: z.boolean(),
  requireAuthorizationForCacheControl: z.boolean(),
  unauthorizedCacheControlHeaderStrategy: z.enum(["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"]),
  throttlingBurstLimit: z.number().optional(),
  throttlingRateLimit: z.number().optional(),
  metricsEnabled: z.boolean(),
  loggingLevel: z.string().optional(),
  dataTraceEnabled: z.boolean(),
});

const deployedSummary = z.object({ authorizationType: authorizationTypeSchema, apiKeyRequired: z.boolean() });

const methodAt = { path: z.string(), httpMethod: httpVerbSchema };
const templateDifference = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("method-only-live"), ...methodAt }),
  z.object({ kind: z.literal("method-only-template"), ...methodAt }),
  z.object({ kind: z.literal("authorizationType"), ...methodAt, live: authorizationTypeSchema, template: authorizationTypeSchema }),
  z.object({ kind: z.literal("apiKeyRequired"), ...methodAt, live: z.boolean(), template: z.boolean() }),
  z.object({ kind: z.literal("preflight-integration"), ...methodAt, field: z.string(), live: z.string(), template: z.string() }),
]);

const drift = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("method-added"), path: z.string(), httpMethod: httpVerbSchema }),
  z.object({ kind: z.literal("method-removed"), path: z.string(), httpMethod: httpVerbSchema }),
  z.object({
    kind: z.literal("authorizationType"),
    path: z.string(),
    httpMethod: httpVerbSchema,
    deployed: authorizationTypeSchema,
    current: authorizationTypeSchema,
  }),
  z.object({
    kind: z.literal("apiKeyRequired"),
    path: z.string(),
    httpMethod: httpVerbSchema,
    deployed: z.boolean(),
    current: z.boolean(),
  }),
  z.object({
    kind: z.literal("setting"),
    path: z.string(),
    httpMethod: httpVerbSchema,
    setting: z.string(),
    deployed: z.string(),
    current: z.string(),
  }),
]);

const resource = z.object({
  id: z.string(),
  parentId: z.string().optional(),
  path: z.string(),
  pathPart: z.string(),
  methods: z.array(method),
});

const deployment = z.object({
  id: z.string(),
  description: z.string().optional(),
  createdDate: z.string().optional(),
  apiSummary: z.record(z.string(), z.partialRecord(httpVerbSchema, deployedSummary)),
  served: z
    .object({
      source: z.enum(["export", "apisummary"]),
      exportedStage: z.string().optional(),
      resources: z.array(resource),
      filledFromDraft: z.array(z.string()),
    })
    .optional(),
});

export const apiModelSchema = exactSchema<ApiModel>()(
  z.object({
    schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
    api: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().optional(),
      region: z.string(),
      accountId: z.string().optional(),
      endpointTypes: z.array(z.string()),
      apiKeySource: z.enum(["HEADER", "AUTHORIZER"]),
      disableExecuteApiEndpoint: z.boolean(),
      createdDate: z.string().optional(),
      binaryMediaTypes: z.array(z.string()).optional(),
      policy: z.string().optional(),
      stack: z.object({ stackName: z.string(), logicalId: z.string() }).optional(),
    }),
    resources: z.array(resource),
    authorizers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.enum(["TOKEN", "REQUEST", "COGNITO_USER_POOLS"]),
        authorizerUri: z.string().optional(),
        lambdaFunctionArn: z.string().optional(),
        providerArns: z.array(z.string()),
        identitySources: z.array(
          z.object({
            expression: z.string(),
            location: z.enum(["header", "querystring", "stageVariable", "context", "other"]),
            name: z.string(),
          }),
        ),
        identityValidationExpression: z.string().optional(),
        configuredTtlSeconds: z.number().optional(),
        effectiveTtlSeconds: z.number(),
      }),
    ),
    stages: z.array(
      z.object({
        name: z.string(),
        deploymentId: z.string(),
        description: z.string().optional(),
        createdDate: z.string().optional(),
        lastUpdatedDate: z.string().optional(),
        cacheClusterEnabled: z.boolean(),
        cacheClusterSize: z.string().optional(),
        cacheClusterStatus: z.string().optional(),
        tracingEnabled: z.boolean(),
        webAclArn: z.string().optional(),
        variableNames: z.array(z.string()),
        variableShapes: z.record(z.string(), z.enum(["reference", "url", "secret-like", "plain"])).optional(),
        methodSettings: z.record(z.string(), methodSettings),
        effectiveSettings: z.array(
          methodSettings.extend({ path: z.string(), httpMethod: httpVerbSchema, source: z.enum(["default", "stage", "method"]) }),
        ),
        deployment: deployment.optional(),
        deploymentUnknown: z.string().optional(),
        drift: z.array(drift),
        canary: z
          .object({
            deploymentId: z.string(),
            percentTraffic: z.number(),
            useStageCache: z.boolean(),
            variableOverrideNames: z.array(z.string()),
            deployment: deployment.optional(),
            drift: z.array(drift),
          })
          .optional(),
      }),
    ),
    gatewayResponses: z.array(
      z.object({
        responseType: z.string(),
        statusCode: z.string().optional(),
        responseParameters: stringMap,
        responseTemplates: stringMap,
        isDefault: z.boolean(),
      }),
    ),
    missing: z.array(z.object({ part: modelPartSchema, operation: z.string(), reason: z.string(), detail: z.string().optional() })),
    templateDrift: z
      .object({
        template: z.string(),
        logicalId: z.string(),
        differences: z.array(templateDifference),
        omitted: z.number().int().nonnegative(),
      })
      .optional(),
  }),
);
