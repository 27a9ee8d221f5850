import type { AuthorizationType, HttpVerb } from "@/lib/model/types";

/**
 * Fix intents: the abstract remediation vocabulary. Rules emit intents; lib/remediation renders each
 * intent into every format (AWS CLI, SDK JSON, CloudFormation, SAM, Terraform, CDK, authorizer code).
 * Renderers switch exhaustively over `kind`, so a new intent does not compile until every format
 * renders it. Intents name real ids, paths and stages of the audited API.
 */
export type FixIntent =
  | SetMethodAuthorizationIntent
  | SetMethodApiKeyRequiredIntent
  | AddCorsPreflightIntent
  | SetPreflightHeadersIntent
  | ReplacePreflightIntegrationWithMockIntent
  | AddGatewayResponseCorsIntent
  | AddMethodResponseCorsOriginIntent
  | SetAuthorizerTtlIntent
  | WidenAuthorizerPolicyIntent
  | AddCacheKeyParameterIntent
  | SetStageMethodSettingIntent
  | RedeployStageIntent
  | FlushAuthorizerCacheIntent
  | SetIntegrationContentHandlingIntent
  | SetRestApiPolicyIntent
  | ClearMethodRequestValidatorIntent;

export type FixIntentKind = FixIntent["kind"];

interface MethodTarget {
  resourceId: string;
  path: string;
  httpMethod: HttpVerb;
}

/** Typically OPTIONS → NONE (drops authorizerId and scopes). */
export interface SetMethodAuthorizationIntent extends MethodTarget {
  kind: "set-method-authorization";
  from: AuthorizationType;
  to: AuthorizationType;
}

export interface SetMethodApiKeyRequiredIntent extends MethodTarget {
  kind: "set-method-api-key-required";
  value: boolean;
}

export interface CorsHeaders {
  /** Literal header values, unquoted, e.g. "*" or "https://app.example.com". */
  allowOrigin: string;
  allowMethods: string[];
  allowHeaders: string[];
  allowCredentials?: boolean;
  maxAgeSeconds?: number;
}

/** Create an OPTIONS method with authorization NONE, no API key, a MOCK integration and a 200 with the CORS headers. */
export interface AddCorsPreflightIntent extends CorsHeaders {
  kind: "add-cors-preflight";
  resourceId: string;
  path: string;
}

/** Correct the CORS headers an existing OPTIONS method returns (method response + integration response). */
export interface SetPreflightHeadersIntent extends CorsHeaders {
  kind: "set-preflight-headers";
  resourceId: string;
  path: string;
  statusCode: string;
}

/** Answer the preflight in API Gateway (MOCK) instead of invoking a backend. */
export interface ReplacePreflightIntegrationWithMockIntent extends CorsHeaders {
  kind: "replace-preflight-integration-with-mock";
  resourceId: string;
  path: string;
}

/** Add Access-Control-Allow-* headers to a gateway response (DEFAULT_4XX, DEFAULT_5XX, UNAUTHORIZED, ...). */
export interface AddGatewayResponseCorsIntent {
  kind: "add-gateway-response-cors";
  responseType: string;
  allowOrigin: string;
  allowHeaders: string[];
  allowMethods?: string[];
  /** Keep the existing status code and other mappings when the response is already customised. */
  existingResponseParameters: Record<string, string>;
  statusCode?: string;
}

/**
 * Make a non-OPTIONS method with a non-proxy integration (MOCK, HTTP, AWS) return Access-Control-Allow-Origin
 * on its actual response: declare the header on the method response of `statusCode` and map the static
 * origin in the integration response of the same status (what the console's "Enable CORS" does per method).
 */
export interface AddMethodResponseCorsOriginIntent extends MethodTarget {
  kind: "add-method-response-cors-origin";
  statusCode: string;
  /** Literal origin, unquoted: "*" or "https://app.example.com". */
  allowOrigin: string;
}

export interface SetAuthorizerTtlIntent {
  kind: "set-authorizer-ttl";
  authorizerId: string;
  authorizerName: string;
  fromSeconds: number;
  toSeconds: number;
}

/** The Lambda authorizer should return a policy whose Resource covers the whole stage. */
export interface WidenAuthorizerPolicyIntent {
  kind: "widen-authorizer-policy";
  authorizerId: string;
  authorizerName: string;
  authorizerType: "TOKEN" | "REQUEST";
  /** e.g. "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*\/*" (account may be a placeholder). */
  resourceArnPattern: string;
  /** REQUEST authorizers can let OPTIONS through without evaluating credentials. */
  allowOptions: boolean;
  lambdaFunctionArn?: string;
}

/** Put the caller's identity into the method's cache key so a cached response is never served to another caller. */
export interface AddCacheKeyParameterIntent extends MethodTarget {
  kind: "add-cache-key-parameter";
  /** e.g. "method.request.header.Authorization" */
  parameter: string;
  existingCacheKeyParameters: string[];
}

export type StageMethodSetting =
  | "caching/enabled"
  | "caching/ttlInSeconds"
  | "caching/dataEncrypted"
  | "caching/requireAuthorizationForCacheControl"
  | "caching/unauthorizedCacheControlHeaderStrategy";

/** One UpdateStage method-settings patch: path "/~1orders~1{id}/GET/caching/enabled" or "/*\/*\/...". */
export interface SetStageMethodSettingIntent {
  kind: "set-stage-method-setting";
  stage: string;
  /** Resource path and verb, or "*" for both to address the stage-wide entry. */
  path: string;
  httpMethod: HttpVerb | "*";
  setting: StageMethodSetting;
  value: string | number | boolean;
}

/** Method changes reach clients only after a new deployment to the stage. */
export interface RedeployStageIntent {
  kind: "redeploy-stage";
  stage: string;
  description: string;
}

export interface FlushAuthorizerCacheIntent {
  kind: "flush-authorizer-cache";
  stage: string;
}

/**
 * Set contentHandling on a method's integration and on the given integration responses, e.g. CONVERT_TO_TEXT
 * on a MOCK preflight of an API with binaryMediaTypes "*\/*"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html).
 */
export interface SetIntegrationContentHandlingIntent extends MethodTarget {
  kind: "set-integration-content-handling";
  contentHandling: "CONVERT_TO_TEXT" | "CONVERT_TO_BINARY";
  /** Integration responses (status codes) that get the same contentHandling. */
  statusCodes: string[];
}

/**
 * Replace the REST API's resource policy with `policy` (UpdateRestApi /policy). Takes effect after a
 * deployment ("you must deploy the API to apply the changes",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html).
 */
export interface SetRestApiPolicyIntent {
  kind: "set-rest-api-policy";
  /** The complete new policy document, JSON. */
  policy: string;
  /** What changed, one line per change, for comments. */
  changes: string[];
}

/** Stop validating a method's requests (typically an OPTIONS that inherited an API-wide validator). */
export interface ClearMethodRequestValidatorIntent extends MethodTarget {
  kind: "clear-method-request-validator";
  requestValidatorId: string;
}

/** Compile-time guard used by renderers' exhaustive switches. */
export function assertNever(intent: never): never {
  throw new Error(`Unhandled fix intent: ${JSON.stringify(intent)}`);
}
