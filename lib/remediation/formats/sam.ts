import { toCfnYaml } from "@/lib/remediation/cfn-yaml";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { mergedCors } from "@/lib/remediation/desired-state";
import { cfnMethodSettings } from "@/lib/remediation/formats/cfn-method-settings";
import { canaryWords, cloudFormationDeployPermissions, IacFrame, removeCanaryCommand } from "@/lib/remediation/formats/iac-frame";
import { actionsOf } from "@/lib/remediation/iam";
import { logicalId } from "@/lib/remediation/naming";
import type { RemediationPlan } from "@/lib/remediation/plan";
import { updateStageCommand } from "@/lib/remediation/stage-settings";
import { ALLOW_ORIGIN_KEY, GATEWAY_RESPONSE_HEADER, staticMappingValue } from "@/lib/remediation/cors-headers";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * AWS SAM: properties to merge into the AWS::Serverless::Api that defines the API. SAM generates the OPTIONS
 * methods from Cors and, unless told otherwise, puts the default authorizer and the API key requirement on
 * them: Auth.AddDefaultAuthorizerToCorsPreflight / AddApiKeyRequiredToCorsPreflight (default true).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html,
 * sam-property-api-apiauth.html, sam-property-api-corsconfiguration.html, sam-property-api-gatewayresponse.html,
 * sam-property-api-lambdatokenauthorizer.html (Identity.ReauthorizeEvery).
 */
export function renderSam(plan: RemediationPlan): RenderedSnippet {
  const frame = new IacFrame(plan);
  const { ctx, state, redeploy, manual } = frame;
  const properties: Record<string, unknown> = {};

  const cors = mergedCors(state);
  if (cors) {
    const origins = new Set([...state.methods.values()].flatMap((method) => (method.cors ? [method.cors.allowOrigin] : [])));
    if (origins.size > 1)
      manual.push(`SAM Cors takes one AllowOrigin; the findings ask for ${[...origins].join(", ")}. ${cors.allowOrigin} is used.`);
    properties.Cors = {
      AllowMethods: staticMappingValue(cors.allowMethods.join(",")),
      ...(cors.allowHeaders.length > 0 ? { AllowHeaders: staticMappingValue(cors.allowHeaders.join(",")) } : {}),
      AllowOrigin: staticMappingValue(cors.allowOrigin),
      ...(cors.maxAgeSeconds !== undefined ? { MaxAge: staticMappingValue(String(cors.maxAgeSeconds)) } : {}),
      ...(cors.allowCredentials ? { AllowCredentials: true } : {}),
    };
  }

  const auth: Record<string, unknown> = {};
  for (const method of state.methods.values()) {
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}`, ["GET", "PUT", "PATCH", "DELETE"]);
    if (method.changes.some((change) => change.startsWith("contentHandling"))) {
      // SAM's Cors property has no ContentHandling for the OPTIONS methods it generates
      // (https://github.com/aws/serverless-application-model/issues/553).
      manual.push(
        `${method.httpMethod} ${method.path}: SAM cannot set contentHandling on ${method.httpMethod === "OPTIONS" ? "the OPTIONS method its Cors generates" : "this method"}. In DefinitionBody, under paths["${method.path}"].${method.httpMethod === "ANY" ? "x-amazon-apigateway-any-method" : method.httpMethod.toLowerCase()}.x-amazon-apigateway-integration set contentHandling: ${method.integration?.contentHandling ?? "CONVERT_TO_TEXT"} (and on its responses), or remove "*/*" from BinaryMediaTypes.`,
      );
    }
    if (method.changes.some((change) => change.startsWith("request validator"))) {
      // An API-wide x-amazon-apigateway-request-validator applies to the OPTIONS operations too.
      manual.push(
        `${method.httpMethod} ${method.path}: in DefinitionBody add to x-amazon-apigateway-request-validators a validator with validateRequestBody and validateRequestParameters false, and name it in x-amazon-apigateway-request-validator on paths["${method.path}"].${method.httpMethod.toLowerCase()} (an operation-level value overrides the API-wide one).`,
      );
    }
    if (method.httpMethod === "OPTIONS") {
      if (method.authorizationType === "NONE") auth.AddDefaultAuthorizerToCorsPreflight = false;
      if (!method.apiKeyRequired) auth.AddApiKeyRequiredToCorsPreflight = false;
      continue;
    }
    if (method.changes.some((change) => change.startsWith("authorization"))) {
      manual.push(`${method.httpMethod} ${method.path}: in the function's Api event set Auth: { Authorizer: NONE }.`);
    }
    if (method.changes.some((change) => change.startsWith("apiKeyRequired"))) {
      manual.push(
        `${method.httpMethod} ${method.path}: in the function's Api event set Auth: { ApiKeyRequired: ${method.apiKeyRequired} }.`,
      );
    }
    if (method.responsesChanged) {
      // SAM's Cors only shapes the generated OPTIONS methods; the actual responses are the integration's own
      // (https://github.com/aws/serverless-application-model/issues/807). A non-proxy method lives in DefinitionBody.
      for (const response of method.methodResponses.filter((item) =>
        Object.keys(item.responseParameters).some((key) => /access-control-allow-origin$/i.test(key)),
      )) {
        const mapping = method.integration?.integrationResponses.find((item) => item.statusCode === response.statusCode)
          ?.responseParameters[ALLOW_ORIGIN_KEY];
        manual.push(
          `${method.httpMethod} ${method.path} (${method.integration?.type ?? "non-proxy"} integration): SAM's Cors does not add Access-Control-Allow-Origin to actual responses. In DefinitionBody, under paths["${method.path}"].${method.httpMethod === "ANY" ? "x-amazon-apigateway-any-method" : method.httpMethod.toLowerCase()}, declare the header in responses["${response.statusCode}"].headers and set x-amazon-apigateway-integration.responses (the entry with statusCode "${response.statusCode}").responseParameters["${ALLOW_ORIGIN_KEY}"]: "${mapping ?? "'*'"}". A Lambda proxy function returns the header itself instead.`,
        );
      }
    }
    if (method.changes.some((change) => change.startsWith("cache key"))) {
      manual.push(
        `${method.httpMethod} ${method.path}: SAM has no property for cache key parameters; in DefinitionBody set x-amazon-apigateway-integration.cacheKeyParameters: ${JSON.stringify(method.integration?.cacheKeyParameters ?? [])} and declare ${Object.keys(method.requestParameters).join(", ")} as parameters.`,
      );
    }
  }
  const authorizers: Record<string, unknown> = {};
  for (const { authorizer, ttlSeconds } of state.authorizers.values()) {
    frame.permit(`/authorizers/${authorizer.id}`, ["GET", "PATCH"]);
    const headers = authorizer.identitySources.filter((source) => source.location === "header").map((source) => source.name);
    const queryStrings = authorizer.identitySources.filter((source) => source.location === "querystring").map((source) => source.name);
    const functionArn = authorizer.lambdaFunctionArn ?? `REPLACE_ME_${logicalId(authorizer.name)}_FUNCTION_ARN`;
    if (authorizer.type === "TOKEN") {
      authorizers[logicalId(authorizer.name)] = {
        FunctionArn: functionArn,
        Identity: { ...(headers[0] ? { Header: headers[0] } : {}), ReauthorizeEvery: ttlSeconds },
      };
    } else if (authorizer.type === "REQUEST") {
      authorizers[logicalId(authorizer.name)] = {
        FunctionArn: functionArn,
        FunctionPayloadType: "REQUEST",
        Identity: {
          ...(headers.length > 0 ? { Headers: headers } : {}),
          ...(queryStrings.length > 0 ? { QueryStrings: queryStrings } : {}),
          ReauthorizeEvery: ttlSeconds,
        },
      };
    } else {
      manual.push(`Authorizer ${authorizer.name} is a Cognito authorizer: it has no result cache to change.`);
    }
  }
  if (Object.keys(authorizers).length > 0) auth.Authorizers = authorizers;
  if (Object.keys(auth).length > 0) properties.Auth = auth;

  if (state.restApiPolicy) {
    // AWS::Serverless::Api builds its policy from Auth.ResourcePolicy; CustomStatements carries raw statements
    // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-resourcepolicystatement.html).
    const statements = (JSON.parse(state.restApiPolicy.policy) as { Statement?: unknown }).Statement;
    manual.push(
      `Resource policy (${state.restApiPolicy.changes.join("; ")}): set Auth.ResourcePolicy.CustomStatements of the AWS::Serverless::Api to ${JSON.stringify(statements)} in place of the statements it has today.`,
    );
    frame.permit("", ["GET", "PATCH"]);
  }
  const gatewayResponses: Record<string, unknown> = {};
  for (const response of state.gatewayResponses.values()) {
    frame.permit(`/gatewayresponses/${response.responseType}`, ["GET", "PUT", "DELETE"]);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.responseParameters)) {
      if (name.startsWith(GATEWAY_RESPONSE_HEADER)) headers[name.slice(GATEWAY_RESPONSE_HEADER.length)] = value;
      else
        manual.push(
          `Gateway response ${response.responseType}: keep the mapping ${name} = ${value} (SAM's GatewayResponses take Headers, Paths and QueryStrings).`,
        );
    }
    gatewayResponses[response.responseType] = {
      ...(response.statusCode ? { StatusCode: response.statusCode } : {}),
      ResponseParameters: { Headers: headers },
      ...(Object.keys(response.responseTemplates).length > 0 ? { ResponseTemplates: response.responseTemplates } : {}),
    };
  }
  if (Object.keys(gatewayResponses).length > 0) properties.GatewayResponses = gatewayResponses;

  const stageSettings = [...state.stageSettings.values()];
  const stages = [...new Set(stageSettings.map((setting) => setting.stage))];
  for (const stage of stages) {
    const { entries, unsupported } = cfnMethodSettings(stageSettings.filter((setting) => setting.stage === stage));
    if (entries.length > 0) {
      if (stages.length > 1)
        manual.push(`MethodSettings for stage ${stage}: ${JSON.stringify(entries)} (an AWS::Serverless::Api has one stage).`);
      else properties.MethodSettings = entries;
    }
    for (const { setting, names } of unsupported)
      manual.push(`SAM's MethodSettings have no ${names.join(", ")}; run: ${updateStageCommand(ctx, setting, names)}`);
    frame.permit(`/stages/${stage}`, ["GET", "PATCH"]);
  }
  for (const stage of redeploy) {
    manual.push(`sam deploy publishes a new deployment of stage ${stage} when the API definition changes; nothing else to do.`);
    frame.permit(`/deployments`, ["POST"]);
  }
  for (const canary of frame.canaries) {
    // AWS::Serverless::Api CanarySetting "is passed directly to the CanarySetting property of an AWS::ApiGateway::Stage"
    // (sam-resource-api.html#sam-api-canarysetting; samtranslator/model/api/api_generator.py sets stage.CanarySetting).
    // These Properties are merged into yours, and a merge cannot delete a property: said here instead.
    manual.push(
      `${canaryWords(canary)}: delete CanarySetting from the Properties of the AWS::Serverless::Api (SAM passes it to the stage it generates). If the stage still has a canary after sam deploy (one made outside the stack), run: ${removeCanaryCommand(ctx, canary.stage)}`,
    );
    frame.permit(`/stages/${canary.stage}`, ["GET", "PATCH"]);
  }
  const apiId = `${logicalId(ctx.apiName || ctx.apiId)}Api`;
  const stageName = ctx.affectedStages[0] ?? stages[0] ?? ctx.model.stages[0]?.name ?? "REPLACE_ME_STAGE_NAME";
  const resource = toCfnYaml({ [apiId]: { Type: "AWS::Serverless::Api", Properties: { StageName: stageName, ...properties } } })
    .trimEnd()
    .split("\n")
    .map((line) => `  ${line}`);
  const { header, iam } = frame.finish({
    comment: "#",
    title: "AWS SAM",
    intro: [`Merge these Properties into the AWS::Serverless::Api that defines this API (logical id ${apiId} is a guess; keep yours).`],
    permissionsHeading: "IAM permissions to deploy it:",
    manualHeading: "Not expressible as AWS::Serverless::Api properties (do these by hand):",
    deployCommand: "sam deploy",
    deployPermissions: [
      ...cloudFormationDeployPermissions(ctx),
      { action: "cloudformation:CreateChangeSet", resource: `arn:aws:cloudformation:${ctx.region}:aws:transform/Serverless-2016-10-31` },
    ],
  });
  const content = [...header, "Transform: AWS::Serverless-2016-10-31", "Resources:", ...resource, ""].join("\n");
  return {
    format: "sam",
    filename: `preflight-fix-${fileNamePart(ctx.apiId)}.sam.yaml`,
    language: "yaml",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}
