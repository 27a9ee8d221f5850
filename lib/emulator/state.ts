import type { StackState } from "./cloudformation/stacks";

/**
 * The emulator's in-memory state. Every object is kept in API Gateway's own JSON wire shape
 * (the body AWS returns for the matching Get* call), so the control plane serves it as-is and the
 * data plane evaluates exactly what a deployment captured.
 * Wire shapes: https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html
 */

/** Epoch seconds, as API Gateway's REST JSON carries timestamps. */
export type EpochSeconds = number;

export interface RestApiWire {
  id: string;
  name: string;
  description?: string;
  createdDate: EpochSeconds;
  version?: string;
  apiKeySource?: "HEADER" | "AUTHORIZER";
  endpointConfiguration?: { types: ("EDGE" | "REGIONAL" | "PRIVATE")[] };
  disableExecuteApiEndpoint?: boolean;
  rootResourceId: string;
  tags?: Record<string, string>;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  policy?: string;
}

export interface IntegrationResponseWire {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface IntegrationWire {
  type: "HTTP" | "HTTP_PROXY" | "AWS" | "AWS_PROXY" | "MOCK";
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace?: string;
  cacheKeyParameters: string[];
  integrationResponses?: Record<string, IntegrationResponseWire>;
}

export interface MethodResponseWire {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export type AuthorizationType = "NONE" | "AWS_IAM" | "CUSTOM" | "COGNITO_USER_POOLS";

export interface MethodWire {
  httpMethod: string;
  authorizationType: AuthorizationType;
  authorizerId?: string;
  apiKeyRequired: boolean;
  requestValidatorId?: string;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  authorizationScopes?: string[];
  methodResponses?: Record<string, MethodResponseWire>;
  methodIntegration?: IntegrationWire;
}

export interface ResourceWire {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, MethodWire>;
}

export interface AuthorizerWire {
  id: string;
  name: string;
  type: "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  /** Absent means API Gateway's default of 300 seconds. */
  authorizerResultTtlInSeconds?: number;
}

export interface MethodSettingWire {
  metricsEnabled: boolean;
  loggingLevel?: string;
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" | "SUCCEED_WITH_RESPONSE_HEADER" | "SUCCEED_WITHOUT_RESPONSE_HEADER";
}

export interface StageWire {
  stageName: string;
  deploymentId: string;
  description?: string;
  createdDate: EpochSeconds;
  lastUpdatedDate: EpochSeconds;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus?: string;
  /** Keyed "*\/*" or "~1path~1{id}/GET" (resource path with "/" escaped as "~1", then the verb). */
  methodSettings: Record<string, MethodSettingWire>;
  variables?: Record<string, string>;
  tracingEnabled: boolean;
  tags?: Record<string, string>;
  /** A canary release: percentTraffic % of requests are served by canarySettings.deploymentId (API_CanarySettings.html). */
  canarySettings?: CanarySettingsWire;
}

/** https://docs.aws.amazon.com/apigateway/latest/api/API_CanarySettings.html */
export interface CanarySettingsWire {
  deploymentId?: string;
  /** 0.0–100.0 */
  percentTraffic?: number;
  stageVariableOverrides?: Record<string, string>;
  useStageCache?: boolean;
}

export interface DeploymentWire {
  id: string;
  description?: string;
  createdDate: EpochSeconds;
}

export interface GatewayResponseWire {
  responseType: string;
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  defaultResponse: boolean;
}

/** What a deployment froze: the data plane serves this, never the current draft. */
export interface DeploymentSnapshot {
  resources: ResourceWire[];
  authorizers: AuthorizerWire[];
  gatewayResponses: GatewayResponseWire[];
  apiKeySource: "HEADER" | "AUTHORIZER";
  /** The API's binaryMediaTypes when deployed (they apply to a stage once deployed). */
  binaryMediaTypes?: string[];
  /** The API's resource policy when deployed ("deploy the API to apply the changes"). */
  policy?: string;
}

export interface DeploymentState {
  wire: DeploymentWire;
  snapshot: DeploymentSnapshot;
}

export interface RestApiState {
  api: RestApiWire;
  resources: Map<string, ResourceWire>;
  authorizers: Map<string, AuthorizerWire>;
  deployments: Map<string, DeploymentState>;
  stages: Map<string, StageWire>;
  /** Only customised responses; the built-in defaults are derived on read. */
  gatewayResponses: Map<string, GatewayResponseWire>;
}

export interface ApiKeyState {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
  description?: string;
  customerId?: string;
  createdDate?: EpochSeconds;
  lastUpdatedDate?: EpochSeconds;
  /** "restApiId/stageName" pairs, as ApiKey.stageKeys. */
  stageKeys?: string[];
  tags?: Record<string, string>;
}

export interface BasePathMappingWire {
  /** "(none)" for the empty base path, as AWS returns it. */
  basePath: string;
  restApiId: string;
  stage?: string;
}

export interface DomainNameWire {
  domainName: string;
  regionalDomainName?: string;
  regionalHostedZoneId?: string;
  distributionDomainName?: string;
  certificateArn?: string;
  regionalCertificateArn?: string;
  endpointConfiguration?: { types: ("EDGE" | "REGIONAL" | "PRIVATE")[] };
  domainNameStatus?: string;
  securityPolicy?: string;
  tags?: Record<string, string>;
}

export interface DomainNameState {
  wire: DomainNameWire;
  basePathMappings: Map<string, BasePathMappingWire>;
}

export interface RegionState {
  restApis: Map<string, RestApiState>;
  apiKeys: Map<string, ApiKeyState>;
  domainNames: Map<string, DomainNameState>;
  /** CloudFormation stacks a seed "deployed" (cloudformation/stacks.ts); created on first use. */
  stacks?: Map<string, StackState>;
}

export interface AccountState {
  accountId: string;
  regions: Map<string, RegionState>;
}
