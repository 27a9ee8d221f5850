/**
 * What `lib/aws` hands to `lib/model`: API Gateway's answers, kept close to the wire JSON
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html) but with no SDK types,
 * dates as ISO strings and stage variable values already dropped (names only).
 * `normalizeApi` reshapes this into the ApiModel.
 */
import type { MissingPart } from "@/lib/model/types";

export interface RawRestApi {
  id: string;
  name: string;
  description?: string;
  createdDate?: string;
  apiKeySource?: string;
  endpointTypes?: string[];
  disableExecuteApiEndpoint?: boolean;
  rootResourceId?: string;
  /** GetRestApi's `binaryMediaTypes`, or a template's `BinaryMediaTypes` / `x-amazon-apigateway-binary-media-types`. */
  binaryMediaTypes?: string[];
  /** GetRestApi returns the policy as a string whose quotes are backslash-escaped; templates give plain JSON text (normalize accepts both). */
  policy?: string;
  /**
   * GetRestApi's `tags`. CloudFormation (SAM and CDK included) tags what it creates with
   * `aws:cloudformation:stack-name` and `aws:cloudformation:logical-id`
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html).
   */
  tags?: Record<string, string>;
}

export interface RawIntegrationResponse {
  statusCode?: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  /** Content type → mapping template (GetResources embed=methods, or a template source). */
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface RawIntegration {
  type?: string;
  httpMethod?: string;
  uri?: string;
  cacheKeyParameters?: string[];
  cacheNamespace?: string;
  requestTemplates?: Record<string, string>;
  requestParameters?: Record<string, string>;
  integrationResponses?: Record<string, RawIntegrationResponse>;
  /** CONVERT_TO_TEXT / CONVERT_TO_BINARY, from GetResources embed=methods or a template. */
  contentHandling?: string;
}

export interface RawMethodResponse {
  statusCode?: string;
  responseParameters?: Record<string, boolean>;
}

export interface RawMethod {
  httpMethod?: string;
  authorizationType?: string;
  authorizerId?: string;
  apiKeyRequired?: boolean;
  authorizationScopes?: string[];
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  operationName?: string;
  requestValidatorId?: string;
  methodIntegration?: RawIntegration;
  methodResponses?: Record<string, RawMethodResponse>;
}

export interface RawResource {
  id: string;
  parentId?: string;
  path: string;
  pathPart?: string;
  /** Keyed by verb; full Method objects because the reader asks for embed=methods. */
  resourceMethods?: Record<string, RawMethod>;
}

export interface RawAuthorizer {
  id: string;
  name?: string;
  type?: string;
  authorizerUri?: string;
  providerARNs?: string[];
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds?: number;
}

export interface RawMethodSetting {
  metricsEnabled?: boolean;
  loggingLevel?: string;
  dataTraceEnabled?: boolean;
  throttlingBurstLimit?: number;
  throttlingRateLimit?: number;
  cachingEnabled?: boolean;
  cacheTtlInSeconds?: number;
  cacheDataEncrypted?: boolean;
  requireAuthorizationForCacheControl?: boolean;
  unauthorizedCacheControlHeaderStrategy?: string;
}

export interface RawStage {
  stageName: string;
  deploymentId?: string;
  description?: string;
  createdDate?: string;
  lastUpdatedDate?: string;
  cacheClusterEnabled?: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus?: string;
  tracingEnabled?: boolean;
  webAclArn?: string;
  /** Stage variable names only: values are redacted by the reader before they reach this type. */
  variableNames: string[];
  /** The shape of each variable's value (variable-shape.ts), decided by the reader; the value is dropped. */
  variableShapes?: Record<string, "reference" | "url" | "secret-like" | "plain">;
  methodSettings?: Record<string, RawMethodSetting>;
  /** GetStages canarySettings; override values are dropped like variable values, names only. */
  canarySettings?: RawCanarySettings;
}

export interface RawCanarySettings {
  deploymentId?: string;
  percentTraffic?: number;
  useStageCache?: boolean;
  variableOverrideNames?: string[];
}

/**
 * What a deployment serves in full, read from GetExport of a stage that serves it (OpenAPI 3 with the apigateway
 * extensions, parsed by the template OpenAPI reader), or rebuilt from its API summary with the draft filling in.
 */
export interface RawServedConfiguration {
  source: "export" | "apisummary";
  /** The stage whose export this is (an export is of a stage, not of a deployment). */
  exportedStage?: string;
  resources: RawResource[];
  authorizers: RawAuthorizer[];
  gatewayResponses: RawGatewayResponse[];
  apiKeySource?: string;
  binaryMediaTypes?: string[];
  policy?: string;
  /** Parts the source does not carry and that were taken from the draft, in words ("integrations", …). */
  filledFromDraft: string[];
}

export interface RawDeployedMethod {
  authorizationType?: string;
  apiKeyRequired?: boolean;
}

export interface RawDeployment {
  id: string;
  description?: string;
  createdDate?: string;
  /** GetDeployment embed=apisummary: path → verb → summary. */
  apiSummary?: Record<string, Record<string, RawDeployedMethod>>;
  /** The whole configuration the deployment serves, when it could be read (GetExport) or rebuilt. */
  served?: RawServedConfiguration;
}

export interface RawGatewayResponse {
  responseType?: string;
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  defaultResponse?: boolean;
}

export interface RawApiSnapshot {
  region: string;
  accountId?: string;
  restApi: RawRestApi;
  /** Undefined when the part could not be read (then `missing` says why). */
  resources?: RawResource[];
  authorizers?: RawAuthorizer[];
  stages?: RawStage[];
  gatewayResponses?: RawGatewayResponse[];
  /** Keyed by deployment id; a stage whose deployment failed to read is absent here and listed in `missing`. */
  deployments: Record<string, RawDeployment>;
  missing: MissingPart[];
  /** What the source had to leave out or could not map exactly (values of an undocumented type); shown to the user. */
  warnings?: string[];
}
