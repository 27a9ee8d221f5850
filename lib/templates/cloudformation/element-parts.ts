/**
 * CloudFormation properties of the AWS::ApiGateway::* resources → the raw snapshot shapes API Gateway itself would
 * return for them (what `lib/aws` hands to `lib/model`). One function per resource type; values are already resolved.
 * Property names: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ApiGateway.html
 */
import type {
  RawAuthorizer,
  RawGatewayResponse,
  RawIntegration,
  RawIntegrationResponse,
  RawMethod,
  RawMethodResponse,
  RawMethodSetting,
  RawStage,
} from "@/lib/model/raw-snapshot";
import { escapeResourcePath, methodSettingsKey, STAGE_WIDE_KEY } from "@/lib/model/method-settings";
import { AUTHORIZATION_TYPES } from "@/lib/model/types";
import type { Fields } from "@/lib/templates/cloudformation/fields";
import { setOwn } from "@/lib/model/set-own";
import { indexKeyedMap } from "@/lib/templates/index-keys";
import { definedFields } from "@/lib/model/defined-fields";

/**
 * API Gateway matches these enums without regard to case: templates that deployed with `AuthorizationType: None`
 * exist (aws-samples/aws-bookstore-demo-app), and cfn_nag compares the value case-insensitively for that reason
 * (stelligent/cfn_nag#385). Known values are upper-cased; unknown ones are kept for the model to report.
 */
export function authorizationTypeOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  return (AUTHORIZATION_TYPES as readonly string[]).includes(upper) ? upper : value;
}

function integrationOf(integration: Fields): RawIntegration | undefined {
  if (Object.keys(integration.record).length === 0) return undefined;
  // Keyed by status code (array indexes: see index-keys.ts).
  const responses = indexKeyedMap<RawIntegrationResponse>();
  for (const response of integration.list("IntegrationResponses")) {
    const statusCode = response.string("StatusCode");
    if (statusCode === undefined) continue;
    setOwn(
      responses,
      statusCode,
      definedFields({
        statusCode,
        selectionPattern: response.string("SelectionPattern"),
        responseParameters: response.stringRecord("ResponseParameters"),
        responseTemplates: response.stringRecord("ResponseTemplates"),
        contentHandling: response.string("ContentHandling"),
      }),
    );
  }
  return definedFields({
    // Kept as written: CloudFormation's schema only takes the upper-case enum (cfn-lint E3030 rejects "aws_proxy"),
    // so another spelling would not deploy, and lib/model reports it as an unknown type instead of it being fixed here.
    type: integration.string("Type"),
    httpMethod: integration.string("IntegrationHttpMethod"),
    uri: integration.string("Uri"),
    cacheKeyParameters: integration.strings("CacheKeyParameters"),
    cacheNamespace: integration.string("CacheNamespace"),
    requestTemplates: integration.stringRecord("RequestTemplates"),
    requestParameters: integration.stringRecord("RequestParameters"),
    contentHandling: integration.string("ContentHandling"),
    integrationResponses: integration.has("IntegrationResponses") ? responses : undefined,
  });
}

/** AWS::ApiGateway::Method → the Method object GetResources embed=methods returns. */
export function methodOf(props: Fields, httpMethod: string): RawMethod {
  const methodResponses = indexKeyedMap<RawMethodResponse>();
  for (const response of props.list("MethodResponses")) {
    const statusCode = response.string("StatusCode");
    if (statusCode === undefined) continue;
    setOwn(methodResponses, statusCode, definedFields({ statusCode, responseParameters: response.booleanRecord("ResponseParameters") }));
  }
  return definedFields({
    httpMethod,
    // Unset stays unset: API Gateway's default is NONE, which lib/model applies.
    authorizationType: authorizationTypeOf(props.string("AuthorizationType")),
    authorizerId: props.string("AuthorizerId"),
    apiKeyRequired: props.boolean("ApiKeyRequired"),
    authorizationScopes: props.strings("AuthorizationScopes"),
    requestParameters: props.booleanRecord("RequestParameters"),
    requestModels: props.stringRecord("RequestModels"),
    operationName: props.string("OperationName"),
    // RequestValidatorId (usually !Ref of an AWS::ApiGateway::RequestValidator, whose logical id stands in for it):
    // request-validator-on-preflight reads it as it reads GetResources' requestValidatorId.
    requestValidatorId: props.string("RequestValidatorId"),
    methodIntegration: integrationOf(props.fields("Integration")),
    methodResponses: props.has("MethodResponses") ? methodResponses : undefined,
  });
}

/**
 * AWS::ApiGateway::Authorizer. An unset AuthorizerResultTtlInSeconds stays unset: "If this field is not set, the
 * default value is 300" (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-authorizer.html),
 * which lib/model applies as the effective TTL.
 */
export function authorizerOf(id: string, props: Fields): RawAuthorizer {
  return definedFields({
    id,
    name: props.string("Name"),
    type: props.string("Type"),
    authorizerUri: props.string("AuthorizerUri"),
    providerARNs: props.strings("ProviderARNs"),
    identitySource: props.string("IdentitySource"),
    identityValidationExpression: props.string("IdentityValidationExpression"),
    authorizerResultTtlInSeconds: props.number("AuthorizerResultTtlInSeconds"),
  });
}

/** AWS::ApiGateway::GatewayResponse (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-gatewayresponse.html). */
export function gatewayResponseOf(props: Fields): RawGatewayResponse {
  return definedFields({
    responseType: props.string("ResponseType"),
    statusCode: props.string("StatusCode"),
    responseParameters: props.stringRecord("ResponseParameters"),
    responseTemplates: props.stringRecord("ResponseTemplates"),
    defaultResponse: false,
  });
}

export type Note = (message: string, field: Fields, name: string) => void;

/**
 * A MethodSetting's key in the Stage's methodSettings map. CloudFormation documents ResourcePath with its
 * slashes encoded ("/resource/subresource" is written "/~1resource~1subresource", the root is "/", and
 * HttpMethod "*" with ResourcePath "/*" means every method):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-stage-methodsetting.html
 * Templates also write the path unencoded ("/one", as SAM's translator does); that is read as the path it names,
 * with a note.
 */
export function methodSettingsKeyOf(resourcePath: string, httpMethod: string, note: (message: string) => void): string {
  if (resourcePath === "/*" && httpMethod === "*") return STAGE_WIDE_KEY;
  if (resourcePath === "/") return methodSettingsKey("/", httpMethod);
  if (resourcePath.startsWith("/~1") || resourcePath === "/*") return `${resourcePath.slice(1)}/${httpMethod}`;
  const path = resourcePath.startsWith("/") ? resourcePath : `/${resourcePath}`;
  note(
    `ResourcePath "${resourcePath}" is not encoded as CloudFormation documents ("${escapeResourcePath(path).replace(/^~1/, "/~1")}"); read as the path ${path}`,
  );
  return methodSettingsKey(path, httpMethod);
}

function methodSettingOf(setting: Fields): RawMethodSetting {
  return definedFields({
    cachingEnabled: setting.boolean("CachingEnabled"),
    cacheTtlInSeconds: setting.number("CacheTtlInSeconds"),
    cacheDataEncrypted: setting.boolean("CacheDataEncrypted"),
    dataTraceEnabled: setting.boolean("DataTraceEnabled"),
    loggingLevel: setting.string("LoggingLevel"),
    metricsEnabled: setting.boolean("MetricsEnabled"),
    throttlingBurstLimit: setting.number("ThrottlingBurstLimit"),
    throttlingRateLimit: setting.number("ThrottlingRateLimit"),
  });
}

export function methodSettingsOf(list: Fields[], note: (message: string, setting: Fields) => void): Record<string, RawMethodSetting> {
  const out: Record<string, RawMethodSetting> = {};
  for (const setting of list) {
    const key = methodSettingsKeyOf(setting.string("ResourcePath") ?? "/*", (setting.string("HttpMethod") ?? "*").toUpperCase(), (m) =>
      note(m, setting),
    );
    setOwn(out, key, { ...(Object.prototype.hasOwnProperty.call(out, key) ? out[key] : {}), ...methodSettingOf(setting) });
  }
  return out;
}

/** AWS::ApiGateway::Stage. Stage variable values are dropped here: names only, as the live reader does. */
export function stageOf(
  stageName: string,
  deploymentId: string | undefined,
  props: Fields,
  note: (message: string, setting: Fields) => void,
): RawStage {
  return definedFields({
    stageName,
    deploymentId,
    description: props.string("Description"),
    cacheClusterEnabled: props.boolean("CacheClusterEnabled"),
    cacheClusterSize: props.string("CacheClusterSize"),
    tracingEnabled: props.boolean("TracingEnabled"),
    variableNames: Object.keys(props.stringRecord("Variables") ?? {}),
    methodSettings: props.has("MethodSettings") ? methodSettingsOf(props.list("MethodSettings"), note) : undefined,
  });
}

/**
 * The stage a Deployment's `StageName` creates, configured by its `StageDescription`, whose top-level caching,
 * logging and throttling properties apply to every method ("*\/*")
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-deployment-stagedescription.html).
 */
export function deploymentStageOf(
  stageName: string,
  deploymentId: string,
  description: Fields,
  note: (message: string, setting: Fields) => void,
): RawStage {
  const stage = stageOf(stageName, deploymentId, description, note);
  const stageWide = methodSettingOf(description);
  if (Object.keys(stageWide).length > 0) {
    stage.methodSettings = { ...stage.methodSettings, [STAGE_WIDE_KEY]: { ...stageWide, ...stage.methodSettings?.[STAGE_WIDE_KEY] } };
  }
  return stage;
}
