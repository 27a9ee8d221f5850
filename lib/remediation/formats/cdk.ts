import type { DesiredMethod } from "@/lib/remediation/desired-state";
import { cdkNagSuppression, isOpenPreflight } from "@/lib/remediation/peer-suppressions";
import {
  canaryWords,
  cloudFormationDeployPermissions,
  IacFrame,
  removeCanaryCommand,
  shortHash,
} from "@/lib/remediation/formats/iac-frame";
import { actionsOf } from "@/lib/remediation/iam";
import type { StageMethodSetting } from "@/lib/remediation/intents";
import { camelName } from "@/lib/remediation/naming";
import type { RemediationPlan } from "@/lib/remediation/plan";
import { blockCommentText, commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { jsValue } from "@/lib/remediation/formats/literals/js";
import { booleanSetting, numberSetting, updateStageCommand } from "@/lib/remediation/stage-settings";
import { GATEWAY_RESPONSE_HEADER } from "@/lib/remediation/cors-headers";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * AWS CDK v2 (TypeScript), aws-cdk-lib/aws-apigateway: Resource.addCorsPreflight (creates OPTIONS with
 * AuthorizationType.NONE and a MOCK integration), RestApi.addGatewayResponse, TokenAuthorizer /
 * RequestAuthorizer resultsCacheTtl, StageOptions.methodOptions keyed "/{resource_path}/{http_method}",
 * and the CfnMethod escape hatch for methods the app already defines.
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_apigateway-readme.html
 */
const RESPONSE_TYPES = new Set([
  "ACCESS_DENIED",
  "API_CONFIGURATION_ERROR",
  "AUTHORIZER_CONFIGURATION_ERROR",
  "AUTHORIZER_FAILURE",
  "BAD_REQUEST_PARAMETERS",
  "BAD_REQUEST_BODY",
  "DEFAULT_4XX",
  "DEFAULT_5XX",
  "EXPIRED_TOKEN",
  "INTEGRATION_FAILURE",
  "INTEGRATION_TIMEOUT",
  "INVALID_API_KEY",
  "INVALID_SIGNATURE",
  "MISSING_AUTHENTICATION_TOKEN",
  "QUOTA_EXCEEDED",
  "REQUEST_TOO_LARGE",
  "RESOURCE_NOT_FOUND",
  "THROTTLED",
  "UNAUTHORIZED",
  "UNSUPPORTED_MEDIA_TYPE",
  "WAF_FILTERED",
]);

const DEPLOYMENT_OPTIONS: Partial<Record<StageMethodSetting, string>> = {
  "caching/enabled": "cachingEnabled",
  "caching/ttlInSeconds": "cacheTtl",
  "caching/dataEncrypted": "cacheDataEncrypted",
};

const js = jsValue;

function newPreflight(method: DesiredMethod): string[] {
  const cors = method.cors;
  if (!cors)
    throw new Error(
      `New method ${method.httpMethod} ${method.path} is not a CORS preflight; CDK rendering supports only new OPTIONS methods.`,
    );
  return [
    `  // ${commentText(`NEW: OPTIONS ${method.path} (resource ${method.resourceId}), without authorizer or API key, answered by a MOCK integration.`)}`,
    `  const ${camelName(method.path, "OPTIONS")} = resourceAt(api, ${js(method.path)}).addCorsPreflight({`,
    `    allowOrigins: [${js(cors.allowOrigin)}],`,
    `    allowMethods: ${js(cors.allowMethods)},`,
    ...(cors.allowHeaders.length > 0 ? [`    allowHeaders: ${js(cors.allowHeaders)},`] : []),
    ...(cors.allowCredentials ? ["    allowCredentials: true,"] : []),
    ...(cors.maxAgeSeconds !== undefined ? [`    maxAge: Duration.seconds(${cors.maxAgeSeconds}),`] : []),
    "  });",
    // addCorsPreflight answers 204, which AwsSolutions-APIG4 already exempts; acknowledged anyway so a later change of status keeps the reason.
    ...cdkNagSuppression(camelName(method.path, "OPTIONS")),
  ];
}

function changedMethod(method: DesiredMethod): string[] {
  const variable = camelName(method.path, method.httpMethod);
  const lines = [
    `  // ${commentText(`CHANGED: ${method.httpMethod} ${method.path} (resource ${method.resourceId}): ${method.changes.join("; ")}.`)}`,
    `  const ${variable} = cfnMethodAt(api, ${js(method.path)}, ${js(method.httpMethod)});`,
  ];
  if (method.changes.some((change) => change.startsWith("authorization"))) {
    lines.push(`  ${variable}.authorizationType = apigateway.AuthorizationType.${method.authorizationType === "NONE" ? "NONE" : "IAM"};`);
    if (!method.authorizerId) lines.push(`  ${variable}.authorizerId = undefined;`, `  ${variable}.authorizationScopes = undefined;`);
  }
  if (method.changes.some((change) => change.startsWith("apiKeyRequired")))
    lines.push(`  ${variable}.apiKeyRequired = ${method.apiKeyRequired};`);
  if (method.changes.some((change) => change.startsWith("request validator"))) lines.push(`  ${variable}.requestValidatorId = undefined;`);
  if (isOpenPreflight(method) && method.changes.some((change) => change.startsWith("authorization") || change.startsWith("apiKeyRequired")))
    lines.push(...cdkNagSuppression(variable));
  if (method.integrationReplaced && method.integration) {
    const integration = method.integration;
    lines.push(
      `  ${variable}.integration = {`,
      `    type: ${js(integration.type)},`,
      `    requestTemplates: ${js(integration.requestTemplates)},`,
      `    integrationResponses: ${js(integration.integrationResponses.map((response) => ({ statusCode: response.statusCode, responseParameters: response.responseParameters, responseTemplates: response.responseTemplates })))},`,
      "  };",
    );
  } else if (method.responsesChanged && method.integration) {
    // Only ResponseParameters are overridden, so the app's response templates stay as they are.
    lines.push("  // Indexes follow the audited order of the integration responses: check them against your Method.");
    method.integration.integrationResponses.forEach((response, index) => {
      lines.push(
        `  ${variable}.addPropertyOverride(${js(`Integration.IntegrationResponses.${index}.ResponseParameters`)}, ${js(response.responseParameters)});`,
      );
    });
  }
  if (method.cors) {
    lines.push(`  ${variable}.methodResponses = ${js(method.methodResponses)};`);
  } else if (method.responsesChanged) {
    // Status code and header declarations only: the app's response models stay as they are.
    method.methodResponses.forEach((response, index) => {
      lines.push(
        `  ${variable}.addPropertyOverride(${js(`MethodResponses.${index}.StatusCode`)}, ${js(response.statusCode)});`,
        `  ${variable}.addPropertyOverride(${js(`MethodResponses.${index}.ResponseParameters`)}, ${js(response.responseParameters)});`,
      );
    });
  }
  if (method.changes.some((change) => change.startsWith("contentHandling")) && method.integration?.contentHandling) {
    lines.push(`  ${variable}.addPropertyOverride("Integration.ContentHandling", ${js(method.integration.contentHandling)});`);
    method.integration.integrationResponses.forEach((response, index) => {
      if (response.contentHandling)
        lines.push(
          `  ${variable}.addPropertyOverride(${js(`Integration.IntegrationResponses.${index}.ContentHandling`)}, ${js(response.contentHandling)});`,
        );
    });
  }
  if (method.changes.some((change) => change.startsWith("cache key")) && method.integration) {
    lines.push(
      `  ${variable}.requestParameters = ${js(method.requestParameters)};`,
      `  ${variable}.addPropertyOverride("Integration.CacheKeyParameters", ${js(method.integration.cacheKeyParameters)});`,
    );
  }
  return lines;
}

export function renderCdk(plan: RemediationPlan): RenderedSnippet {
  const frame = new IacFrame(plan);
  const { ctx, state, redeploy, manual } = frame;
  const body: string[] = [];
  const exports: string[] = [];

  for (const method of state.methods.values()) {
    body.push(...(method.isNew ? newPreflight(method) : changedMethod(method)), "");
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}`, ["GET", "PUT", "PATCH", "DELETE"]);
  }
  if (state.restApiPolicy) {
    body.push(
      `  // ${commentText(`Resource policy: ${state.restApiPolicy.changes.join("; ")}.`)}`,
      `  (api.node.defaultChild as apigateway.CfnRestApi).policy = ${js(JSON.parse(state.restApiPolicy.policy))};`,
      "",
    );
    frame.permit("", ["GET", "PATCH"]);
  }
  for (const response of state.gatewayResponses.values()) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.responseParameters)) {
      if (name.startsWith(GATEWAY_RESPONSE_HEADER)) headers[name.slice(GATEWAY_RESPONSE_HEADER.length)] = value;
      else
        manual.push(
          `Gateway response ${response.responseType}: keep the mapping ${name} = ${value} (addGatewayResponse takes headers only).`,
        );
    }
    const type = RESPONSE_TYPES.has(response.responseType)
      ? `apigateway.ResponseType.${response.responseType}`
      : `apigateway.ResponseType.of(${js(response.responseType)})`;
    body.push(
      `  // ${commentText(`Gateway response ${response.responseType} with CORS headers.`)}`,
      `  api.addGatewayResponse(${js(`Preflight${camelName(response.responseType).replace(/^./, (c) => c.toUpperCase())}`)}, {`,
      `    type: ${type},`,
      ...(response.statusCode ? [`    statusCode: ${js(response.statusCode)},`] : []),
      `    responseHeaders: ${js(headers)},`,
      ...(Object.keys(response.responseTemplates).length > 0 ? [`    templates: ${js(response.responseTemplates)},`] : []),
      "  });",
      "",
    );
    frame.permit(`/gatewayresponses/${response.responseType}`, ["GET", "PUT", "DELETE"]);
  }
  for (const { authorizer, fromSeconds, ttlSeconds } of state.authorizers.values()) {
    const propsType =
      authorizer.type === "REQUEST" ? "RequestAuthorizerProps" : authorizer.type === "TOKEN" ? "TokenAuthorizerProps" : undefined;
    if (!propsType) {
      manual.push(`Authorizer ${authorizer.name} is a Cognito authorizer: it has no result cache.`);
      continue;
    }
    exports.push(
      `/** ${blockCommentText(`Authorizer ${authorizer.name} (${authorizer.id}): result cache ${fromSeconds} s → ${ttlSeconds} s. Spread into its new apigateway.${propsType.replace("Props", "")}(...) props.`)} */`,
      `export const ${camelName(authorizer.name)}Props = {`,
      `  resultsCacheTtl: Duration.seconds(${ttlSeconds}),`,
      `} satisfies Partial<apigateway.${propsType}>;`,
      "",
    );
    frame.permit(`/authorizers/${authorizer.id}`, ["GET", "PATCH"]);
  }
  const stages = [...new Set([...state.stageSettings.values()].map((setting) => setting.stage))];
  for (const stage of stages) {
    const options: string[] = [];
    for (const setting of [...state.stageSettings.values()].filter((item) => item.stage === stage)) {
      const fields: string[] = [];
      const unsupported: StageMethodSetting[] = [];
      for (const [name, value] of Object.entries(setting.settings) as Array<[StageMethodSetting, string | number | boolean]>) {
        const field = DEPLOYMENT_OPTIONS[name];
        if (!field) unsupported.push(name);
        else
          fields.push(
            name === "caching/ttlInSeconds" ? `${field}: Duration.seconds(${numberSetting(value)})` : `${field}: ${booleanSetting(value)}`,
          );
      }
      const key = setting.path === "*" ? `/*/${setting.httpMethod}` : `${setting.path === "/" ? "" : setting.path}/${setting.httpMethod}`;
      if (fields.length > 0) options.push(`  ${js(key)}: { ${fields.join(", ")} },`);
      if (unsupported.length > 0)
        manual.push(`MethodDeploymentOptions have no ${unsupported.join(", ")}; run: ${updateStageCommand(ctx, setting, unsupported)}`);
    }
    if (options.length > 0) {
      exports.push(
        `/** ${blockCommentText(`Stage ${stage}: pass as deployOptions: { methodOptions: ${camelName(stage)}MethodOptions } (merge with your own entries).`)} */`,
        `export const ${camelName(stage)}MethodOptions: Record<string, apigateway.MethodDeploymentOptions> = {`,
        ...options,
        "};",
        "",
      );
    }
    frame.permit(`/stages/${stage}`, ["GET", "PATCH"]);
  }
  if (redeploy.length > 0) {
    body.push(
      `  // ${commentText(`Redeploy (${redeploy.join(", ")}): escape-hatch edits do not change the Deployment's logical id by themselves.`)}`,
      `  api.latestDeployment?.addToLogicalId({ preflightRemediation: ${js(shortHash(body.join("\n")))} });`,
    );
    frame.permit(`/deployments`, ["POST"]);
  }
  for (const canary of frame.canaries) {
    // The Stage construct has no canary option; an app sets one on its CfnStage (CanarySetting,
    // aws-properties-apigateway-stage-canarysetting.html), which the deletion override drops from the template.
    // RestApi names its stage construct `DeploymentStage.<stageName>` (aws-apigateway/lib/restapi.ts).
    body.push(
      "",
      `  // ${commentText(`${canaryWords(canary)}: drop the CanarySetting of that stage.`)}`,
      "  {",
      `    const stage = api.node.tryFindChild(${js(`DeploymentStage.${canary.stage}`)});`,
      `    if (stage instanceof apigateway.Stage) (stage.node.defaultChild as apigateway.CfnStage).addPropertyDeletionOverride("CanarySetting");`,
      "  }",
    );
    manual.push(
      `${canaryWords(canary)}. If it is set on another stage construct, delete its CanarySetting there; if the stage still has a canary after cdk deploy (one made outside the app), run: ${removeCanaryCommand(ctx, canary.stage)}`,
    );
    frame.permit(`/stages/${canary.stage}`, ["GET", "PATCH"]);
  }
  const { header, iam } = frame.finish({
    comment: "//",
    title: "AWS CDK v2",
    intro: ["Call applyPreflightFixes(api) with the RestApi construct that defines this API, after its methods are added."],
    permissionsHeading: "IAM permissions for cdk deploy (through the bootstrap roles):",
    manualHeading: "Not expressible in the CDK app (do these by hand):",
    deployCommand: "cdk deploy",
    deployPermissions: [
      { action: "sts:AssumeRole", resource: `arn:aws:iam::${ctx.accountId}:role/cdk-*` },
      ...cloudFormationDeployPermissions(ctx),
    ],
  });
  const content = [
    ...header,
    'import { Duration, Validations, aws_apigateway as apigateway } from "aws-cdk-lib";',
    "",
    ...exports,
    "/** The resource at an API path (created when missing, e.g. for a new preflight). */",
    "function resourceAt(api: apigateway.RestApi, path: string): apigateway.IResource {",
    '  return path === "/" ? api.root : api.root.resourceForPath(path);',
    "}",
    "",
    "/** The L1 method the app already defines at path and verb (CDK names a Method construct after its verb). */",
    "function cfnMethodAt(api: apigateway.RestApi, path: string, verb: string): apigateway.CfnMethod {",
    "  const method = resourceAt(api, path).node.tryFindChild(verb);",
    "  if (!(method instanceof apigateway.Method)) throw new Error(`No ${verb} method on ${path} in this RestApi`);",
    "  return method.node.defaultChild as apigateway.CfnMethod;",
    "}",
    "",
    "export function applyPreflightFixes(api: apigateway.RestApi): void {",
    ...(body.length > 0 ? body : ["  // No method or gateway response changes in this plan."]),
    "  void resourceAt;",
    "  void cfnMethodAt;",
    "  void Validations;",
    "}",
    "",
  ].join("\n");
  return {
    format: "cdk",
    filename: `preflight-fix-${fileNamePart(ctx.apiId)}.cdk.ts`,
    language: "typescript",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}
