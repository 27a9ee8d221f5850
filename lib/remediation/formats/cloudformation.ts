import { cloudFormationDeployPermissions, flushAfterDeploy } from "@/lib/remediation/formats/iac-common";
import { CfnIntrinsic, toCfnYaml } from "@/lib/remediation/cfn-yaml";
import { DesiredState, type DesiredMethod, type DesiredStageSetting } from "@/lib/remediation/desired-state";
import { cfnNagMetadata, isOpenPreflight } from "@/lib/remediation/peer-suppressions";
import { actionsOf, dedupePermissions, iamForPath, type IamPermission } from "@/lib/remediation/iam";
import { assertNever, type StageMethodSetting } from "@/lib/remediation/intents";
import { cfnMethodSettingResourcePath, logicalId } from "@/lib/remediation/naming";
import { oneLine, type RemediationPlan } from "@/lib/remediation/plan";
import { booleanSetting, numberSetting, updateStageCommand } from "@/lib/remediation/stage-settings";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * CloudFormation YAML. Resources take the API id from a RestApiId parameter (default: the audited id) and
 * the audited resource ids literally. Properties per the resource reference:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html,
 * aws-resource-apigateway-gatewayresponse.html, aws-resource-apigateway-authorizer.html,
 * aws-resource-apigateway-stage.html (MethodSetting), aws-resource-apigateway-deployment.html.
 */

/** MethodSetting has no property for the cache-control authorization settings; those stay CLI commands. */
export const CFN_METHOD_SETTING_PROPERTIES: Partial<Record<StageMethodSetting, string>> = {
  "caching/enabled": "CachingEnabled",
  "caching/ttlInSeconds": "CacheTtlInSeconds",
  "caching/dataEncrypted": "CacheDataEncrypted",
};

export function collectDesiredState(plan: RemediationPlan): { state: DesiredState; notes: string[]; redeploy: string[]; flush: string[] } {
  const state = new DesiredState(plan.ctx);
  const notes: string[] = [];
  const redeploy: string[] = [];
  const flush: string[] = [];
  for (const { intent } of plan.steps) {
    switch (intent.kind) {
      case "set-method-authorization":
        state.setAuthorization(intent);
        break;
      case "set-method-api-key-required":
        state.setApiKeyRequired(intent);
        break;
      case "add-cors-preflight":
        state.addCorsPreflight(intent);
        break;
      case "set-preflight-headers":
        state.setPreflightHeaders(intent);
        break;
      case "replace-preflight-integration-with-mock":
        state.replaceWithMock(intent);
        break;
      case "add-cache-key-parameter":
        state.addCacheKeyParameter(intent);
        break;
      case "set-integration-content-handling":
        state.setContentHandling(intent);
        break;
      case "set-rest-api-policy":
        state.restApiPolicy = intent;
        break;
      case "clear-method-request-validator":
        state.clearRequestValidator(intent);
        break;
      case "add-gateway-response-cors":
        state.addGatewayResponseCors(intent);
        break;
      case "add-method-response-cors-origin":
        state.addMethodResponseCorsOrigin(intent);
        break;
      case "set-authorizer-ttl":
        state.setAuthorizerTtl(intent);
        break;
      case "widen-authorizer-policy":
        notes.push(`Authorizer ${intent.authorizerName}: deploy the updated Lambda code (authorizer files in this bundle) so its policy covers ${intent.resourceArnPattern}.`);
        break;
      case "set-stage-method-setting":
        state.setStageSetting(intent);
        break;
      case "redeploy-stage":
        redeploy.push(intent.stage);
        break;
      case "flush-authorizer-cache":
        flush.push(intent.stage);
        break;
      default:
        assertNever(intent);
    }
  }
  return { state, notes, redeploy: [...new Set(redeploy)], flush: [...new Set(flush)] };
}

const REST_API_ID = new CfnIntrinsic("Ref", "RestApiId");

const KEEP_TEMPLATES = "The audit does not read response mapping templates or response models: keep the ResponseTemplates of your IntegrationResponses and the ResponseModels of your MethodResponses as they are.";

export function cfnMethodProperties(method: DesiredMethod): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    RestApiId: REST_API_ID,
    ResourceId: method.resourceId,
    HttpMethod: method.httpMethod,
    AuthorizationType: method.authorizationType,
  };
  if (method.authorizerId) properties.AuthorizerId = method.authorizerId;
  if (method.requestValidatorId) properties.RequestValidatorId = method.requestValidatorId;
  if (method.authorizationScopes.length > 0) properties.AuthorizationScopes = method.authorizationScopes;
  properties.ApiKeyRequired = method.apiKeyRequired;
  if (Object.keys(method.requestParameters).length > 0) properties.RequestParameters = method.requestParameters;
  if (method.integration) {
    const integration = method.integration;
    properties.Integration = {
      Type: integration.type,
      ...(integration.httpMethod ? { IntegrationHttpMethod: integration.httpMethod } : {}),
      ...(integration.uri ? { Uri: integration.uri } : {}),
      ...(Object.keys(integration.requestParameters).length > 0 ? { RequestParameters: integration.requestParameters } : {}),
      ...(Object.keys(integration.requestTemplates).length > 0 ? { RequestTemplates: integration.requestTemplates } : {}),
      ...(integration.cacheKeyParameters.length > 0 ? { CacheKeyParameters: integration.cacheKeyParameters } : {}),
      ...(integration.contentHandling ? { ContentHandling: integration.contentHandling } : {}),
      ...(integration.integrationResponses.length > 0
        ? {
            IntegrationResponses: integration.integrationResponses.map((response) => ({
              StatusCode: response.statusCode,
              ...(response.selectionPattern !== undefined ? { SelectionPattern: response.selectionPattern } : {}),
              ...(Object.keys(response.responseParameters).length > 0 ? { ResponseParameters: response.responseParameters } : {}),
              ...(Object.keys(response.responseTemplates).length > 0 ? { ResponseTemplates: response.responseTemplates } : {}),
              ...(response.contentHandling ? { ContentHandling: response.contentHandling } : {}),
            })),
          }
        : {}),
    };
  }
  if (method.methodResponses.length > 0) {
    properties.MethodResponses = method.methodResponses.map((response) => ({
      StatusCode: response.statusCode,
      ...(Object.keys(response.responseParameters).length > 0 ? { ResponseParameters: response.responseParameters } : {}),
    }));
  }
  return properties;
}

/** CFN/SAM MethodSetting entries, plus the settings they cannot express. */
export function cfnMethodSettings(settings: readonly DesiredStageSetting[]): { entries: Array<Record<string, unknown>>; unsupported: Array<{ setting: DesiredStageSetting; names: StageMethodSetting[] }> } {
  const entries: Array<Record<string, unknown>> = [];
  const unsupported: Array<{ setting: DesiredStageSetting; names: StageMethodSetting[] }> = [];
  for (const setting of settings) {
    const entry: Record<string, unknown> = { ResourcePath: cfnMethodSettingResourcePath(setting.path), HttpMethod: setting.httpMethod };
    const missing: StageMethodSetting[] = [];
    for (const [name, value] of Object.entries(setting.settings) as Array<[StageMethodSetting, string | number | boolean]>) {
      const property = CFN_METHOD_SETTING_PROPERTIES[name];
      if (!property) missing.push(name);
      else entry[property] = name === "caching/ttlInSeconds" ? numberSetting(value) : booleanSetting(value);
    }
    if (Object.keys(entry).length > 2) entries.push(entry);
    if (missing.length > 0) unsupported.push({ setting, names: missing });
  }
  return { entries, unsupported };
}

export function cfnGatewayResponseProperties(response: { responseType: string; statusCode?: string; responseParameters: Record<string, string>; responseTemplates: Record<string, string> }): Record<string, unknown> {
  return {
    RestApiId: REST_API_ID,
    ResponseType: response.responseType,
    ...(response.statusCode ? { StatusCode: response.statusCode } : {}),
    ResponseParameters: response.responseParameters,
    ...(Object.keys(response.responseTemplates).length > 0 ? { ResponseTemplates: response.responseTemplates } : {}),
  };
}

function resourceChunk(id: string, resource: Record<string, unknown>, comments: readonly string[]): string {
  const body = toCfnYaml({ [id]: resource }).trimEnd().split("\n").map((line) => `  ${line}`);
  return [...comments.map((line) => `  # ${oneLine(line)}`), ...body].join("\n");
}

/** A short stable hash, so a changed set of fixes gets a new Deployment logical id. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export function renderCloudFormation(plan: RemediationPlan): RenderedSnippet {
  const { ctx } = plan;
  const { state, notes, redeploy, flush } = collectDesiredState(plan);
  const region = ctx.region;
  const api = `/restapis/${ctx.apiId}`;
  const chunks: string[] = [];
  const permissions: IamPermission[] = [];
  const methodIds: string[] = [];

  for (const method of state.methods.values()) {
    const id = `${logicalId(method.path, method.httpMethod)}Method`;
    methodIds.push(id);
    const comments = method.isNew
      ? [`NEW: ${method.httpMethod} ${method.path} (resource ${method.resourceId}). Add this resource to your template.`]
      : [
          `CHANGED: ${method.httpMethod} ${method.path} (resource ${method.resourceId}): ${method.changes.join("; ")}.`,
          "Replace your existing AWS::ApiGateway::Method for this path and verb with this definition.",
          ...(method.responsesChanged && method.auditedResponses ? [KEEP_TEMPLATES] : []),
        ];
    // cdk-nag AwsSolutions-APIG4 reports an open OPTIONS; the preflight must be open (peer-suppressions.ts).
    chunks.push(resourceChunk(id, { Type: "AWS::ApiGateway::Method", ...(isOpenPreflight(method) ? { Metadata: cfnNagMetadata() } : {}), Properties: cfnMethodProperties(method) }, comments));
    permissions.push(...iamForPath(region, `${api}/resources/${method.resourceId}/methods/${method.httpMethod}`, ["GET", "PUT", "PATCH", "DELETE"]));
    permissions.push(...iamForPath(region, `${api}/resources/${method.resourceId}/methods/${method.httpMethod}/*`, ["GET", "PUT", "PATCH", "DELETE"]));
  }
  if (state.restApiPolicy) {
    // The RestApi itself is not in this template (RestApiId is a parameter): its Policy property is shown to merge.
    const policy = toCfnYaml({ Policy: JSON.parse(state.restApiPolicy.policy) as unknown }).trimEnd().split("\n");
    chunks.push([
      `  # Resource policy: ${oneLine(state.restApiPolicy.changes.join("; "))}.`,
      "  # Merge into the Properties of your AWS::ApiGateway::RestApi (it is not part of this template):",
      ...policy.map((line) => `  #   ${line}`),
    ].join("\n"));
    permissions.push(...iamForPath(region, api, ["GET", "PATCH"]));
  }
  for (const response of state.gatewayResponses.values()) {
    chunks.push(resourceChunk(`${logicalId(response.responseType)}GatewayResponse`, { Type: "AWS::ApiGateway::GatewayResponse", Properties: cfnGatewayResponseProperties(response) }, [
      `Gateway response ${response.responseType} with CORS headers, so browsers can read API Gateway's own errors.`,
    ]));
    permissions.push(...iamForPath(region, `${api}/gatewayresponses/${response.responseType}`, ["GET", "PUT", "DELETE"]));
  }
  for (const { authorizer, fromSeconds, ttlSeconds } of state.authorizers.values()) {
    const properties: Record<string, unknown> = {
      RestApiId: REST_API_ID,
      Name: authorizer.name,
      Type: authorizer.type,
      ...(authorizer.authorizerUri ? { AuthorizerUri: authorizer.authorizerUri } : {}),
      ...(authorizer.providerArns.length > 0 ? { ProviderARNs: authorizer.providerArns } : {}),
      ...(authorizer.identitySources.length > 0 ? { IdentitySource: authorizer.identitySources.map((source) => source.expression).join(", ") } : {}),
      ...(authorizer.identityValidationExpression ? { IdentityValidationExpression: authorizer.identityValidationExpression } : {}),
      AuthorizerResultTtlInSeconds: ttlSeconds,
    };
    chunks.push(resourceChunk(`${logicalId(authorizer.name)}Authorizer`, { Type: "AWS::ApiGateway::Authorizer", Properties: properties }, [
      `CHANGED: authorizer ${authorizer.name} (${authorizer.id}) AuthorizerResultTtlInSeconds ${fromSeconds} → ${ttlSeconds}.`,
      "Set AuthorizerResultTtlInSeconds on your existing AWS::ApiGateway::Authorizer; keep its AuthorizerCredentials if it has any.",
    ]));
    permissions.push(...iamForPath(region, `${api}/authorizers/${authorizer.id}`, ["GET", "PATCH"]));
  }

  const stageNames = [...new Set([...[...state.stageSettings.values()].map((setting) => setting.stage), ...redeploy])].sort();
  const manual: string[] = [];
  const contentHash = shortHash(chunks.join("\n"));
  for (const stage of stageNames) {
    const deploymentId = `PreflightDeployment${logicalId(stage)}${contentHash}`;
    if (redeploy.includes(stage)) {
      chunks.push(resourceChunk(deploymentId, {
        Type: "AWS::ApiGateway::Deployment",
        ...(methodIds.length > 0 ? { DependsOn: methodIds } : {}),
        Properties: { RestApiId: REST_API_ID, Description: `Preflight remediation for stage ${stage}` },
      }, [
        `Redeploy stage ${stage}: CloudFormation creates a new deployment only under a new logical id, so the id carries a hash of these fixes.`,
      ]));
      permissions.push(...iamForPath(region, `${api}/deployments`, ["POST"]), ...iamForPath(region, `${api}/deployments/*`, ["GET", "DELETE"]));
    }
    const settings = [...state.stageSettings.values()].filter((setting) => setting.stage === stage);
    const { entries, unsupported } = cfnMethodSettings(settings);
    if (entries.length > 0 || redeploy.includes(stage)) {
      chunks.push(resourceChunk(`${logicalId(stage)}Stage`, {
        Type: "AWS::ApiGateway::Stage",
        Properties: {
          RestApiId: REST_API_ID,
          StageName: stage,
          ...(redeploy.includes(stage) ? { DeploymentId: new CfnIntrinsic("Ref", deploymentId) } : {}),
          ...(entries.length > 0 ? { MethodSettings: entries } : {}),
        },
      }, [
        `Stage ${stage}: merge DeploymentId and these MethodSettings into your existing AWS::ApiGateway::Stage (MethodSettings replace the stage's list: keep your other entries).`,
      ]));
      permissions.push(...iamForPath(region, `${api}/stages/${stage}`, ["GET", "PATCH"]));
    }
    for (const { setting, names } of unsupported) {
      manual.push(`CloudFormation's MethodSetting has no ${names.join(", ")}; run: ${updateStageCommand(ctx, setting, names)}`);
      permissions.push(...iamForPath(region, `${api}/stages/${stage}`, ["PATCH"]));
    }
  }
  const flushing = flushAfterDeploy(ctx, flush, "the stack update");
  manual.push(...flushing.manual);
  permissions.push(...flushing.permissions);
  manual.push(...notes);

  const iam = dedupePermissions([
    ...permissions,
    ...cloudFormationDeployPermissions(ctx),
  ]);
  const header = [
    `# Preflight remediation for API Gateway REST API "${oneLine(ctx.apiName)}" (${ctx.apiId}) in ${region}: CloudFormation.`,
    "# Merge these resources into the template that defines the API; resource ids are the audited ones.",
    ...(ctx.accountIdKnown ? [] : [`# ${"<ACCOUNT_ID>"} marks the account id, which the audit could not read: replace it.`]),
    "#",
    "# IAM permissions to deploy it:",
    ...iam.map((permission) => `#   ${permission.action} on ${permission.resource}`),
    ...(manual.length > 0 ? ["#", "# Not expressible in CloudFormation (do these by hand):", ...manual.map((line) => `#   - ${oneLine(line)}`)] : []),
  ];
  const content = chunks.length === 0
    ? [...header, "#", "# Nothing in this plan is expressed as CloudFormation resources.", ""].join("\n")
    : [
        ...header,
        'AWSTemplateFormatVersion: "2010-09-09"',
        `Description: ${JSON.stringify(`Preflight remediation for ${oneLine(ctx.apiName)} (${ctx.apiId})`)}`,
        "Parameters:",
        "  RestApiId:",
        "    Type: String",
        `    Default: ${ctx.apiId}`,
        "    Description: Id of the REST API the fixes apply to",
        "Resources:",
        chunks.join("\n\n"),
        "",
      ].join("\n");
  return { format: "cloudformation", filename: `preflight-fix-${ctx.apiId}.cloudformation.yaml`, language: "yaml", content, iamActions: actionsOf(iam), iamPermissions: iam };
}
