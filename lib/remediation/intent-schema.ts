/**
 * The fix-intent table: one zod schema per intent kind, and the one definition of every intent's shape.
 * `intents.ts` derives the TypeScript types from these schemas, and stored reports validate with the same
 * union, so a new intent is added here once: it then fails to compile in every renderer's exhaustive switch
 * until each renders it, and a stored audit carries it without another edit.
 */
import { z } from "zod";
import { authorizationTypeSchema, httpVerbSchema } from "@/lib/model/schema";

const methodTarget = { resourceId: z.string(), path: z.string(), httpMethod: httpVerbSchema };

export const corsHeadersSchema = z.object({
  /** Literal header values, unquoted, e.g. "*" or "https://app.example.com". */
  allowOrigin: z.string(),
  allowMethods: z.array(z.string()),
  allowHeaders: z.array(z.string()),
  allowCredentials: z.boolean().optional(),
  maxAgeSeconds: z.number().optional(),
});

/** Typically OPTIONS → NONE (drops authorizerId and scopes). */
export const setMethodAuthorizationSchema = z.object({
  kind: z.literal("set-method-authorization"),
  ...methodTarget,
  from: authorizationTypeSchema,
  to: authorizationTypeSchema,
});

export const setMethodApiKeyRequiredSchema = z.object({
  kind: z.literal("set-method-api-key-required"),
  ...methodTarget,
  value: z.boolean(),
});

/** Create an OPTIONS method with authorization NONE, no API key, a MOCK integration and a 200 with the CORS headers. */
export const addCorsPreflightSchema = corsHeadersSchema.extend({
  kind: z.literal("add-cors-preflight"),
  resourceId: z.string(),
  path: z.string(),
});

/** Correct the CORS headers an existing OPTIONS method returns (method response + integration response). */
export const setPreflightHeadersSchema = corsHeadersSchema.extend({
  kind: z.literal("set-preflight-headers"),
  resourceId: z.string(),
  path: z.string(),
  statusCode: z.string(),
});

/** Answer the preflight in API Gateway (MOCK) instead of invoking a backend. */
export const replacePreflightIntegrationWithMockSchema = corsHeadersSchema.extend({
  kind: z.literal("replace-preflight-integration-with-mock"),
  resourceId: z.string(),
  path: z.string(),
});

/** Add Access-Control-Allow-* headers to a gateway response (DEFAULT_4XX, DEFAULT_5XX, UNAUTHORIZED, ...). */
export const addGatewayResponseCorsSchema = z.object({
  kind: z.literal("add-gateway-response-cors"),
  responseType: z.string(),
  allowOrigin: z.string(),
  allowHeaders: z.array(z.string()),
  allowMethods: z.array(z.string()).optional(),
  /** Keep the existing status code and other mappings when the response is already customised. */
  existingResponseParameters: z.record(z.string(), z.string()),
  statusCode: z.string().optional(),
});

/**
 * Make a non-OPTIONS method with a non-proxy integration (MOCK, HTTP, AWS) return Access-Control-Allow-Origin
 * on its actual response: declare the header on the method response of `statusCode` and map the static
 * origin in the integration response of the same status (what the console's "Enable CORS" does per method).
 */
export const addMethodResponseCorsOriginSchema = z.object({
  kind: z.literal("add-method-response-cors-origin"),
  ...methodTarget,
  statusCode: z.string(),
  /** Literal origin, unquoted: "*" or "https://app.example.com". */
  allowOrigin: z.string(),
});

export const setAuthorizerTtlSchema = z.object({
  kind: z.literal("set-authorizer-ttl"),
  authorizerId: z.string(),
  authorizerName: z.string(),
  fromSeconds: z.number(),
  toSeconds: z.number(),
});

/** The Lambda authorizer should return a policy whose Resource covers the whole stage. */
export const widenAuthorizerPolicySchema = z.object({
  kind: z.literal("widen-authorizer-policy"),
  authorizerId: z.string(),
  authorizerName: z.string(),
  authorizerType: z.enum(["TOKEN", "REQUEST"]),
  /** e.g. "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*\/*" (account may be a placeholder). */
  resourceArnPattern: z.string(),
  /** REQUEST authorizers can let OPTIONS through without evaluating credentials. */
  allowOptions: z.boolean(),
  lambdaFunctionArn: z.string().optional(),
});

/** Put the caller's identity into the method's cache key so a cached response is never served to another caller. */
export const addCacheKeyParameterSchema = z.object({
  kind: z.literal("add-cache-key-parameter"),
  ...methodTarget,
  /** e.g. "method.request.header.Authorization" */
  parameter: z.string(),
  existingCacheKeyParameters: z.array(z.string()),
});

export const stageMethodSettingSchema = z.enum([
  "caching/enabled",
  "caching/ttlInSeconds",
  "caching/dataEncrypted",
  "caching/requireAuthorizationForCacheControl",
  "caching/unauthorizedCacheControlHeaderStrategy",
]);

/** One UpdateStage method-settings patch: path "/~1orders~1{id}/GET/caching/enabled" or "/*\/*\/...". */
export const setStageMethodSettingSchema = z.object({
  kind: z.literal("set-stage-method-setting"),
  stage: z.string(),
  /** Resource path and verb, or "*" for both to address the stage-wide entry. */
  path: z.string(),
  httpMethod: z.union([httpVerbSchema, z.literal("*")]),
  setting: stageMethodSettingSchema,
  value: z.union([z.string(), z.number(), z.boolean()]),
});

/** Method changes reach clients only after a new deployment to the stage. */
export const redeployStageSchema = z.object({ kind: z.literal("redeploy-stage"), stage: z.string(), description: z.string() });

/**
 * Stop a stage's canary serving its own deployment: remove the stage's canarySettings (UpdateStage
 * `remove /canarySettings`, https://docs.aws.amazon.com/apigateway/latest/developerguide/delete-canary-deployment.html).
 * A redeploy replaces only the stage's main deployment: the canary keeps serving `canaryDeploymentId` to its share
 * of requests (API_Stage.html#canarySettings), so a problem only the canary has survives every other fix.
 * Promoting it instead would send every request to the deployment that has the problem: "promote" copies the
 * canary's deploymentId to the stage and does not disable the canary
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/promote-canary-deployment.html). After the plan's
 * redeploy (when there is one) every request is served by the fixed draft; without one, by the stage's main
 * deployment, which does not have the problem either.
 */
export const removeStageCanarySchema = z.object({
  kind: z.literal("remove-stage-canary"),
  stage: z.string(),
  /** The deployment the canary serves, which has the problem. */
  canaryDeploymentId: z.string(),
  /** The canary's share of the stage's requests, 0-100. */
  percentTraffic: z.number(),
});

export const flushAuthorizerCacheSchema = z.object({ kind: z.literal("flush-authorizer-cache"), stage: z.string() });

/**
 * Set contentHandling on a method's integration and on the given integration responses, e.g. CONVERT_TO_TEXT
 * on a MOCK preflight of an API with binaryMediaTypes "*\/*"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html).
 */
export const setIntegrationContentHandlingSchema = z.object({
  kind: z.literal("set-integration-content-handling"),
  ...methodTarget,
  contentHandling: z.enum(["CONVERT_TO_TEXT", "CONVERT_TO_BINARY"]),
  /** Integration responses (status codes) that get the same contentHandling. */
  statusCodes: z.array(z.string()),
});

/**
 * Replace the REST API's resource policy with `policy` (UpdateRestApi /policy). Takes effect after a
 * deployment ("you must deploy the API to apply the changes",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html).
 */
export const setRestApiPolicySchema = z.object({
  kind: z.literal("set-rest-api-policy"),
  /** The complete new policy document, JSON. */
  policy: z.string(),
  /** What changed, one line per change, for comments. */
  changes: z.array(z.string()),
});

/** Stop validating a method's requests (typically an OPTIONS that inherited an API-wide validator). */
export const clearMethodRequestValidatorSchema = z.object({
  kind: z.literal("clear-method-request-validator"),
  ...methodTarget,
  requestValidatorId: z.string(),
});

export const fixIntentSchema = z.discriminatedUnion("kind", [
  setMethodAuthorizationSchema,
  setMethodApiKeyRequiredSchema,
  addCorsPreflightSchema,
  setPreflightHeadersSchema,
  replacePreflightIntegrationWithMockSchema,
  addGatewayResponseCorsSchema,
  addMethodResponseCorsOriginSchema,
  setAuthorizerTtlSchema,
  widenAuthorizerPolicySchema,
  addCacheKeyParameterSchema,
  setStageMethodSettingSchema,
  redeployStageSchema,
  flushAuthorizerCacheSchema,
  removeStageCanarySchema,
  setIntegrationContentHandlingSchema,
  setRestApiPolicySchema,
  clearMethodRequestValidatorSchema,
]);
