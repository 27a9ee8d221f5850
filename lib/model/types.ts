/**
 * The normalized model of one API Gateway REST API: what every rule, view, export and stored audit
 * works from. Pure data (JSON-serialisable, no SDK types), so a stored audit renders exactly like a
 * live one and an imported template can later produce the same shape.
 */

export const MODEL_SCHEMA_VERSION = 1 as const;

export const HTTP_VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

// https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html (authorizationType)
export const AUTHORIZATION_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"] as const;
export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];
export type IntegrationType = "HTTP" | "HTTP_PROXY" | "AWS" | "AWS_PROXY" | "MOCK";

export interface ApiModel {
  schemaVersion: typeof MODEL_SCHEMA_VERSION;
  api: ApiIdentity;
  /** Sorted by path; the root resource "/" first. */
  resources: ResourceModel[];
  authorizers: AuthorizerModel[];
  stages: StageModel[];
  /** Every response type API Gateway knows, customised or default (as GetGatewayResponses lists them). */
  gatewayResponses: GatewayResponseModel[];
  /** What could not be read. Rules that need a missing part report "not evaluated", never an all-clear. */
  missing: MissingPart[];
  /** Set when a live API was compared with the template that defines it (template-drift.ts). */
  templateDrift?: TemplateComparison;
}

/** A live API next to its template: the stack's own (GetTemplate) or a local working copy. */
export interface TemplateComparison {
  /** What the API was compared with, as shown to the user, e.g. "stack storefront-api (original template)". */
  template: string;
  /** The template resource compared with (logical id, or the API the template defines). */
  logicalId: string;
  differences: TemplateDifference[];
  /** Differences beyond the kept ones (the list is bounded). */
  omitted: number;
}

/** Differences that change what a browser's preflight or call meets. */
export type TemplateDifference =
  | { kind: "method-only-live"; path: string; httpMethod: HttpVerb }
  | { kind: "method-only-template"; path: string; httpMethod: HttpVerb }
  | { kind: "authorizationType"; path: string; httpMethod: HttpVerb; live: AuthorizationType; template: AuthorizationType }
  | { kind: "apiKeyRequired"; path: string; httpMethod: HttpVerb; live: boolean; template: boolean }
  | { kind: "preflight-integration"; path: string; httpMethod: HttpVerb; field: string; live: string; template: string };

export interface ApiIdentity {
  id: string;
  name: string;
  description?: string;
  region: string;
  /** Known when the caller's identity or an ARN reveals it. */
  accountId?: string;
  endpointTypes: string[];
  /** HEADER (x-api-key) unless the API takes keys from a Lambda authorizer's usageIdentifierKey. */
  apiKeySource: "HEADER" | "AUTHORIZER";
  disableExecuteApiEndpoint: boolean;
  createdDate?: string;
  /** Media types API Gateway treats as binary (GetRestApi binaryMediaTypes); absent when none are set. */
  binaryMediaTypes?: string[];
  /** The REST API's resource policy (GetRestApi policy), as JSON text; absent when none is attached. */
  policy?: string;
  /** The CloudFormation stack that created the API, from its `aws:cloudformation:*` tags (stack-origin.ts). */
  stack?: StackOrigin;
}

/** A live API's place in the CloudFormation stack that deployed it (both names are the user's: hostile text). */
export interface StackOrigin {
  stackName: string;
  logicalId: string;
}

export type ModelPart = "resources" | "authorizers" | "stages" | "gatewayResponses" | "deployments";

export interface MissingPart {
  part: ModelPart;
  /** The API Gateway operation that failed, e.g. "GetGatewayResponses". */
  operation: string;
  /** Human-readable reason, e.g. the AccessDenied message with the IAM action needed. */
  reason: string;
  /** Set when only one item is missing, e.g. the deployment of stage "prod". */
  detail?: string;
}

export interface ResourceModel {
  id: string;
  parentId?: string;
  /** Full path, e.g. "/orders/{id}". */
  path: string;
  pathPart: string;
  /** Sorted by verb order of HTTP_VERBS, then alphabetically. */
  methods: MethodModel[];
}

export interface MethodModel {
  resourceId: string;
  path: string;
  httpMethod: HttpVerb;
  authorizationType: AuthorizationType;
  authorizerId?: string;
  apiKeyRequired: boolean;
  authorizationScopes: string[];
  /** e.g. { "method.request.header.Authorization": true } */
  requestParameters: Record<string, boolean>;
  requestModels: Record<string, string>;
  operationName?: string;
  /** The request validator the method uses (its validateRequestBody/Parameters flags need GetRequestValidators, which the reader does not call). */
  requestValidatorId?: string;
  integration?: IntegrationModel;
  methodResponses: MethodResponseModel[];
}

export interface IntegrationModel {
  type: IntegrationType;
  httpMethod?: string;
  uri?: string;
  cacheKeyParameters: string[];
  cacheNamespace?: string;
  requestTemplates: Record<string, string>;
  requestParameters: Record<string, string>;
  integrationResponses: IntegrationResponseModel[];
  /** CONVERT_TO_TEXT or CONVERT_TO_BINARY; absent means passthrough (API_Integration.html). */
  contentHandling?: string;
}

export interface IntegrationResponseModel {
  statusCode: string;
  selectionPattern?: string;
  /** e.g. { "method.response.header.Access-Control-Allow-Origin": "'*'" } */
  responseParameters: Record<string, string>;
  /**
   * Content type → response mapping template; absent when there is none. A template can set response headers through
   * `$context.responseOverride.header.*` (lib/model/response-overrides.ts reads what it sets).
   */
  responseTemplates?: Record<string, string>;
  /** CONVERT_TO_TEXT or CONVERT_TO_BINARY; absent means passthrough (API_IntegrationResponse.html). */
  contentHandling?: string;
}

export interface MethodResponseModel {
  statusCode: string;
  /** e.g. { "method.response.header.Access-Control-Allow-Origin": false } (value = required) */
  responseParameters: Record<string, boolean>;
}

export type AuthorizerType = "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";

export interface AuthorizerModel {
  id: string;
  name: string;
  type: AuthorizerType;
  authorizerUri?: string;
  /** The Lambda function ARN parsed out of authorizerUri, when it is a Lambda invocation URI. */
  lambdaFunctionArn?: string;
  providerArns: string[];
  identitySources: IdentitySource[];
  identityValidationExpression?: string;
  /** As configured; undefined when the API leaves it unset. */
  configuredTtlSeconds?: number;
  /** Unset means 300 s; 0 disables caching (API reference, Authorizer.authorizerResultTtlInSeconds, for every type). */
  effectiveTtlSeconds: number;
}

export interface IdentitySource {
  /** As configured, e.g. "method.request.header.Authorization". */
  expression: string;
  location: "header" | "querystring" | "stageVariable" | "context" | "other";
  /** The header, query string, variable or context name, e.g. "Authorization". */
  name: string;
}

export type CacheControlStrategy = "FAIL_WITH_403" | "SUCCEED_WITH_RESPONSE_HEADER" | "SUCCEED_WITHOUT_RESPONSE_HEADER";

export interface MethodSettingsModel {
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: CacheControlStrategy;
  throttlingBurstLimit?: number;
  throttlingRateLimit?: number;
  metricsEnabled: boolean;
  loggingLevel?: string;
  dataTraceEnabled: boolean;
}

export interface EffectiveMethodSettings extends MethodSettingsModel {
  path: string;
  httpMethod: HttpVerb;
  /** Where the values came from: API Gateway's defaults, the stage-wide "*\/*" entry, or the method's own key. */
  source: "default" | "stage" | "method";
}

export interface StageModel {
  name: string;
  deploymentId: string;
  description?: string;
  createdDate?: string;
  lastUpdatedDate?: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus?: string;
  tracingEnabled: boolean;
  /** The AWS WAF web ACL associated with the stage (GetStages webAclArn). */
  webAclArn?: string;
  /** Names only: stage variable values are redacted at read time. */
  variableNames: string[];
  /** Shape of each variable's value, when the source could read it (values themselves are never kept). */
  variableShapes?: Record<string, "reference" | "url" | "secret-like" | "plain">;
  /** Raw method settings by AWS key ("*\/*" or "~1orders~1{id}/GET"), as configured. */
  methodSettings: Record<string, MethodSettingsModel>;
  /** One entry per method of the deployed API (or of the draft when the deployment is unknown). */
  effectiveSettings: EffectiveMethodSettings[];
  deployment?: DeploymentModel;
  /**
   * Set when what the stage serves could not be known (an empty API summary, which no real deployment has): the stage
   * is then evaluated as serving the draft, and this says so, instead of "nothing is deployed".
   */
  deploymentUnknown?: string;
  /** Differences between the deployed API and the current configuration. */
  drift: DriftItem[];
  /** A canary release: percentTraffic % of the stage's requests are served by another deployment. */
  canary?: CanaryModel;
}

/** https://docs.aws.amazon.com/apigateway/latest/api/API_CanarySettings.html (override values are never kept). */
export interface CanaryModel {
  deploymentId: string;
  percentTraffic: number;
  useStageCache: boolean;
  variableOverrideNames: string[];
  deployment?: DeploymentModel;
  /** Differences between the canary's deployment and the current configuration. */
  drift: DriftItem[];
}

/** The whole configuration a deployment serves (methods with integrations and responses), as far as it was read. */
export interface ServedModel {
  /** "export": GetExport of a stage serving it; "apisummary": its API summary, the draft filling in the rest. */
  source: "export" | "apisummary";
  exportedStage?: string;
  resources: ResourceModel[];
  /** What was taken from the draft because the source does not carry it. */
  filledFromDraft: string[];
}

export interface DeployedMethodSummary {
  authorizationType: AuthorizationType;
  apiKeyRequired: boolean;
}

export interface DeploymentModel {
  id: string;
  description?: string;
  createdDate?: string;
  /** From GetDeployment embed=apisummary (or implied by the export): path → verb → summary. */
  apiSummary: Record<string, Partial<Record<HttpVerb, DeployedMethodSummary>>>;
  served?: ServedModel;
}

export type DriftItem =
  | { kind: "method-added"; path: string; httpMethod: HttpVerb }
  | { kind: "method-removed"; path: string; httpMethod: HttpVerb }
  | { kind: "authorizationType"; path: string; httpMethod: HttpVerb; deployed: AuthorizationType; current: AuthorizationType }
  | { kind: "apiKeyRequired"; path: string; httpMethod: HttpVerb; deployed: boolean; current: boolean }
  /** Any other per-method setting the deployed snapshot and the draft disagree on, e.g. "integration response 200 header Access-Control-Allow-Origin". */
  | { kind: "setting"; path: string; httpMethod: HttpVerb; setting: string; deployed: string; current: string };

export interface GatewayResponseModel {
  responseType: string;
  statusCode?: string;
  /** e.g. { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } */
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  /** True when not customised (API Gateway's built-in default). */
  isDefault: boolean;
}
