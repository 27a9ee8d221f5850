import { CfnIntrinsic, toCfnYaml } from "@/lib/remediation/cfn-yaml";
import type { DesiredMethod } from "@/lib/remediation/desired-state";
import { cfnMethodSettings } from "@/lib/remediation/formats/cfn-method-settings";
import { cfnNagMetadata, isOpenPreflight } from "@/lib/remediation/peer-suppressions";
import {
  canaryWords,
  cloudFormationDeployPermissions,
  IacFrame,
  removeCanaryCommand,
  shortHash,
} from "@/lib/remediation/formats/iac-frame";
import { actionsOf } from "@/lib/remediation/iam";
import { logicalId } from "@/lib/remediation/naming";
import type { RemediationPlan } from "@/lib/remediation/plan";
import { commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { yamlScalar } from "@/lib/remediation/formats/literals/yaml";
import { updateStageCommand } from "@/lib/remediation/stage-settings";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * CloudFormation YAML. Resources take the API id from a RestApiId parameter (default: the audited id) and
 * the audited resource ids literally. Properties per the resource reference:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html,
 * aws-resource-apigateway-gatewayresponse.html, aws-resource-apigateway-authorizer.html,
 * aws-resource-apigateway-stage.html (MethodSetting), aws-resource-apigateway-deployment.html.
 */

const REST_API_ID = new CfnIntrinsic("Ref", "RestApiId");

const KEEP_TEMPLATES =
  "The audit does not read response mapping templates or response models: keep the ResponseTemplates of your IntegrationResponses and the ResponseModels of your MethodResponses as they are.";

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

export function cfnGatewayResponseProperties(response: {
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
}): Record<string, unknown> {
  return {
    RestApiId: REST_API_ID,
    ResponseType: response.responseType,
    ...(response.statusCode ? { StatusCode: response.statusCode } : {}),
    ResponseParameters: response.responseParameters,
    ...(Object.keys(response.responseTemplates).length > 0 ? { ResponseTemplates: response.responseTemplates } : {}),
  };
}

function resourceChunk(id: string, resource: Record<string, unknown>, comments: readonly string[]): string {
  const body = toCfnYaml({ [id]: resource })
    .trimEnd()
    .split("\n")
    .map((line) => `  ${line}`);
  return [...comments.map((line) => `  # ${commentText(line)}`), ...body].join("\n");
}

export function renderCloudFormation(plan: RemediationPlan): RenderedSnippet {
  const frame = new IacFrame(plan);
  const { ctx, state, redeploy, manual, canaries } = frame;
  const chunks: string[] = [];
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
    chunks.push(
      resourceChunk(
        id,
        {
          Type: "AWS::ApiGateway::Method",
          ...(isOpenPreflight(method) ? { Metadata: cfnNagMetadata() } : {}),
          Properties: cfnMethodProperties(method),
        },
        comments,
      ),
    );
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}`, ["GET", "PUT", "PATCH", "DELETE"]);
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}/*`, ["GET", "PUT", "PATCH", "DELETE"]);
  }
  if (state.restApiPolicy) {
    // The RestApi itself is not in this template (RestApiId is a parameter): its Policy property is shown to merge.
    const policy = toCfnYaml({ Policy: JSON.parse(state.restApiPolicy.policy) as unknown })
      .trimEnd()
      .split("\n");
    chunks.push(
      [
        `  # ${commentText(`Resource policy: ${state.restApiPolicy.changes.join("; ")}.`)}`,
        "  # Merge into the Properties of your AWS::ApiGateway::RestApi (it is not part of this template):",
        // toCfnYaml writes every string with a line break or control character as one escaped line.
        ...policy.map((line) => `  #   ${line}`),
      ].join("\n"),
    );
    frame.permit("", ["GET", "PATCH"]);
  }
  for (const response of state.gatewayResponses.values()) {
    chunks.push(
      resourceChunk(
        `${logicalId(response.responseType)}GatewayResponse`,
        { Type: "AWS::ApiGateway::GatewayResponse", Properties: cfnGatewayResponseProperties(response) },
        [`Gateway response ${response.responseType} with CORS headers, so browsers can read API Gateway's own errors.`],
      ),
    );
    frame.permit(`/gatewayresponses/${response.responseType}`, ["GET", "PUT", "DELETE"]);
  }
  for (const { authorizer, fromSeconds, ttlSeconds } of state.authorizers.values()) {
    const properties: Record<string, unknown> = {
      RestApiId: REST_API_ID,
      Name: authorizer.name,
      Type: authorizer.type,
      ...(authorizer.authorizerUri ? { AuthorizerUri: authorizer.authorizerUri } : {}),
      ...(authorizer.providerArns.length > 0 ? { ProviderARNs: authorizer.providerArns } : {}),
      ...(authorizer.identitySources.length > 0
        ? { IdentitySource: authorizer.identitySources.map((source) => source.expression).join(", ") }
        : {}),
      ...(authorizer.identityValidationExpression ? { IdentityValidationExpression: authorizer.identityValidationExpression } : {}),
      AuthorizerResultTtlInSeconds: ttlSeconds,
    };
    chunks.push(
      resourceChunk(`${logicalId(authorizer.name)}Authorizer`, { Type: "AWS::ApiGateway::Authorizer", Properties: properties }, [
        `CHANGED: authorizer ${authorizer.name} (${authorizer.id}) AuthorizerResultTtlInSeconds ${fromSeconds} → ${ttlSeconds}.`,
        "Set AuthorizerResultTtlInSeconds on your existing AWS::ApiGateway::Authorizer; keep its AuthorizerCredentials if it has any.",
      ]),
    );
    frame.permit(`/authorizers/${authorizer.id}`, ["GET", "PATCH"]);
  }

  const stageNames = [...new Set([...[...state.stageSettings.values()].map((setting) => setting.stage), ...redeploy])].sort();
  const contentHash = shortHash(chunks.join("\n"));
  for (const stage of stageNames) {
    const deploymentId = `PreflightDeployment${logicalId(stage)}${contentHash}`;
    if (redeploy.includes(stage)) {
      chunks.push(
        resourceChunk(
          deploymentId,
          {
            Type: "AWS::ApiGateway::Deployment",
            ...(methodIds.length > 0 ? { DependsOn: methodIds } : {}),
            Properties: { RestApiId: REST_API_ID, Description: `Preflight remediation for stage ${stage}` },
          },
          [
            `Redeploy stage ${stage}: CloudFormation creates a new deployment only under a new logical id, so the id carries a hash of these fixes.`,
          ],
        ),
      );
      frame.permit("/deployments", ["POST"]);
      frame.permit("/deployments/*", ["GET", "DELETE"]);
    }
    const settings = [...state.stageSettings.values()].filter((setting) => setting.stage === stage);
    const { entries, unsupported } = cfnMethodSettings(settings);
    if (entries.length > 0 || redeploy.includes(stage)) {
      chunks.push(
        resourceChunk(
          `${logicalId(stage)}Stage`,
          {
            Type: "AWS::ApiGateway::Stage",
            Properties: {
              RestApiId: REST_API_ID,
              StageName: stage,
              ...(redeploy.includes(stage) ? { DeploymentId: new CfnIntrinsic("Ref", deploymentId) } : {}),
              ...(entries.length > 0 ? { MethodSettings: entries } : {}),
            },
          },
          [
            `Stage ${stage}: merge DeploymentId and these MethodSettings into your existing AWS::ApiGateway::Stage (MethodSettings replace the stage's list: keep your other entries).`,
            ...(canaries.some((canary) => canary.stage === stage)
              ? ["Delete its CanarySetting: its canary deployment has the problem (see the steps in the header)."]
              : []),
          ],
        ),
      );
      frame.permit(`/stages/${stage}`, ["GET", "PATCH"]);
    }
    for (const { setting, names } of unsupported) {
      manual.push(`CloudFormation's MethodSetting has no ${names.join(", ")}; run: ${updateStageCommand(ctx, setting, names)}`);
      frame.permit(`/stages/${stage}`, ["PATCH"]);
    }
  }

  for (const canary of canaries) {
    // AWS::ApiGateway::Stage CanarySetting and AWS::ApiGateway::Deployment DeploymentCanarySettings (a deployment
    // created with it becomes the stage's canary): aws-properties-apigateway-stage-canarysetting.html,
    // aws-properties-apigateway-deployment-deploymentcanarysettings.html. No resource here can say "no canary".
    manual.push(
      `${canaryWords(canary)}: delete CanarySetting from your AWS::ApiGateway::Stage ${canary.stage}, and DeploymentCanarySettings (or StageDescription.CanarySetting) from the AWS::ApiGateway::Deployment that made it, else the next deployment makes a canary again. If the stage still has a canary after the stack update (one made outside the stack), run: ${removeCanaryCommand(ctx, canary.stage)}`,
    );
    frame.permit(`/stages/${canary.stage}`, ["GET", "PATCH"]);
  }

  const { header, iam } = frame.finish({
    comment: "#",
    title: "CloudFormation",
    intro: [
      "Merge these resources into the template that defines the API; resource ids are the audited ones.",
      ...(ctx.accountIdKnown ? [] : [`${"<ACCOUNT_ID>"} marks the account id, which the audit could not read: replace it.`]),
    ],
    permissionsHeading: "IAM permissions to deploy it:",
    manualHeading: "Not expressible in CloudFormation (do these by hand):",
    deployCommand: "the stack update",
    deployPermissions: cloudFormationDeployPermissions(ctx),
  });
  const content =
    chunks.length === 0
      ? [...header, "#", "# Nothing in this plan is expressed as CloudFormation resources.", ""].join("\n")
      : [
          ...header,
          'AWSTemplateFormatVersion: "2010-09-09"',
          `Description: ${yamlScalar(`Preflight remediation for ${commentText(ctx.apiName)} (${ctx.apiId})`)}`,
          "Parameters:",
          "  RestApiId:",
          "    Type: String",
          `    Default: ${yamlScalar(ctx.apiId)}`,
          "    Description: Id of the REST API the fixes apply to",
          "Resources:",
          chunks.join("\n\n"),
          "",
        ].join("\n");
  return {
    format: "cloudformation",
    filename: `preflight-fix-${fileNamePart(ctx.apiId)}.cloudformation.yaml`,
    language: "yaml",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}
