import type { RemediationContext } from "@/lib/remediation/context";
import {
  ALLOW_ORIGIN_KEY,
  corsHeaderValues,
  GATEWAY_RESPONSE_HEADER,
  METHOD_RESPONSE_HEADER,
  MOCK_REQUEST_TEMPLATE,
  staticMappingValue,
  storedKey,
} from "@/lib/remediation/cors-headers";
import { assertNever, type AddMethodResponseCorsOriginIntent, type CorsHeaders, type FixIntent } from "@/lib/remediation/intents";
import { findGatewayResponse, findMethod, requireMethod } from "@/lib/remediation/model-lookup";
import { stageMethodSettingPatchPath } from "@/lib/remediation/naming";

/**
 * Intents as API Gateway management calls (SDK v3 command names and inputs). The AWS CLI script and the
 * JSON plan both render these, so the two cannot drift. Operation references:
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html, patch paths:
 * https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html
 */
export type ApiCommand =
  | "UpdateMethodCommand"
  | "PutMethodCommand"
  | "GetMethodCommand"
  | "PutIntegrationCommand"
  | "UpdateIntegrationCommand"
  | "PutMethodResponseCommand"
  | "GetMethodResponseCommand"
  | "UpdateMethodResponseCommand"
  | "PutIntegrationResponseCommand"
  | "UpdateIntegrationResponseCommand"
  | "PutGatewayResponseCommand"
  | "UpdateAuthorizerCommand"
  | "UpdateStageCommand"
  | "UpdateRestApiCommand"
  | "CreateDeploymentCommand"
  | "FlushStageAuthorizersCacheCommand";

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: string;
  value?: string;
}

export type ApiInput = Record<string, string | boolean | number | PatchOperation[] | Record<string, string | boolean>>;

export interface ApiCall {
  type: "call";
  command: ApiCommand;
  input: ApiInput;
  description: string;
  /** Skip the call when this read succeeds (the thing already exists), so re-running the plan is safe. */
  skipIfFound?: { command: ApiCommand; input: ApiInput };
}

/** A change no API Gateway call makes (e.g. the authorizer's Lambda code). */
export interface ManualStep {
  type: "manual";
  description: string;
}

export type ApiStep = ApiCall | ManualStep;

export function intentToApiSteps(intent: FixIntent, ctx: RemediationContext): ApiStep[] {
  const restApiId = ctx.apiId;
  switch (intent.kind) {
    case "set-method-authorization": {
      if (intent.to === "CUSTOM" || intent.to === "COGNITO_USER_POOLS") {
        throw new Error(`set-method-authorization to ${intent.to} needs an authorizer id, which the intent does not carry.`);
      }
      requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
      // With authorizationType NONE API Gateway no longer uses authorizerId (it applies only to CUSTOM and
      // COGNITO_USER_POOLS, API_Method.html), so one replace is enough.
      return [
        call(
          "UpdateMethodCommand",
          {
            restApiId,
            resourceId: intent.resourceId,
            httpMethod: intent.httpMethod,
            patchOperations: [{ op: "replace", path: "/authorizationType", value: intent.to }],
          },
          `Set ${intent.httpMethod} ${intent.path} authorization ${intent.from} → ${intent.to}`,
        ),
      ];
    }
    case "set-method-api-key-required":
      requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
      return [
        call(
          "UpdateMethodCommand",
          {
            restApiId,
            resourceId: intent.resourceId,
            httpMethod: intent.httpMethod,
            patchOperations: [{ op: "replace", path: "/apiKeyRequired", value: String(intent.value) }],
          },
          `Set ${intent.httpMethod} ${intent.path} apiKeyRequired → ${intent.value}`,
        ),
      ];
    case "add-cors-preflight": {
      const method = { restApiId, resourceId: intent.resourceId, httpMethod: "OPTIONS" };
      return [
        {
          ...call(
            "PutMethodCommand",
            { ...method, authorizationType: "NONE", apiKeyRequired: false },
            `Create OPTIONS ${intent.path} without authorization or API key`,
          ),
          skipIfFound: { command: "GetMethodCommand", input: method },
        },
        mockIntegration(restApiId, intent.resourceId, intent.path),
        ...preflightResponses(ctx, intent.resourceId, intent.path, "200", intent, { integrationReplaced: true, methodIsNew: true }),
      ];
    }
    case "set-preflight-headers":
      requireMethod(ctx, intent.resourceId, "OPTIONS", intent.path);
      return preflightResponses(ctx, intent.resourceId, intent.path, intent.statusCode, intent, {
        integrationReplaced: false,
        methodIsNew: false,
      });
    case "replace-preflight-integration-with-mock":
      requireMethod(ctx, intent.resourceId, "OPTIONS", intent.path);
      return [
        mockIntegration(restApiId, intent.resourceId, intent.path),
        ...preflightResponses(ctx, intent.resourceId, intent.path, "200", intent, { integrationReplaced: true, methodIsNew: false }),
      ];
    case "add-gateway-response-cors": {
      const existing = findGatewayResponse(ctx, intent.responseType);
      const responseParameters: Record<string, string> = { ...intent.existingResponseParameters };
      for (const [name, value] of gatewayResponseCorsHeaders(intent))
        responseParameters[`${GATEWAY_RESPONSE_HEADER}${name}`] = staticMappingValue(value);
      const input: ApiInput = { restApiId, responseType: intent.responseType, responseParameters };
      const statusCode = intent.statusCode ?? (existing && !existing.isDefault ? existing.statusCode : undefined);
      if (statusCode) input.statusCode = statusCode;
      // PutGatewayResponse replaces the whole response: carry a customised response's templates over.
      if (existing && !existing.isDefault && Object.keys(existing.responseTemplates).length > 0)
        input.responseTemplates = { ...existing.responseTemplates };
      return [call("PutGatewayResponseCommand", input, `Add CORS headers to the ${intent.responseType} gateway response`)];
    }
    case "add-method-response-cors-origin":
      return methodResponseOrigin(ctx, intent);
    case "set-authorizer-ttl":
      return [
        call(
          "UpdateAuthorizerCommand",
          {
            restApiId,
            authorizerId: intent.authorizerId,
            patchOperations: [{ op: "replace", path: "/authorizerResultTtlInSeconds", value: String(intent.toSeconds) }],
          },
          `Set authorizer ${intent.authorizerName} result TTL ${intent.fromSeconds}s → ${intent.toSeconds}s`,
        ),
      ];
    case "widen-authorizer-policy":
      return [
        {
          type: "manual",
          description: `Deploy the updated code of Lambda authorizer ${intent.authorizerName}${intent.lambdaFunctionArn ? ` (${intent.lambdaFunctionArn})` : ""} so its policy covers ${intent.resourceArnPattern}${intent.allowOptions ? " and it lets OPTIONS through" : ""} (see the authorizer code files).`,
        },
      ];
    case "add-cache-key-parameter": {
      const method = requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
      const steps: ApiStep[] = [];
      // A cache key parameter must be a declared method request parameter (API_Integration.html, cacheKeyParameters).
      if (!(intent.parameter in method.requestParameters)) {
        steps.push(
          call(
            "UpdateMethodCommand",
            {
              restApiId,
              resourceId: intent.resourceId,
              httpMethod: intent.httpMethod,
              patchOperations: [{ op: "add", path: `/requestParameters/${intent.parameter}`, value: "false" }],
            },
            `Declare ${intent.parameter} on ${intent.httpMethod} ${intent.path}`,
          ),
        );
      }
      if (!intent.existingCacheKeyParameters.includes(intent.parameter)) {
        steps.push(
          call(
            "UpdateIntegrationCommand",
            {
              restApiId,
              resourceId: intent.resourceId,
              httpMethod: intent.httpMethod,
              patchOperations: [{ op: "add", path: `/cacheKeyParameters/${intent.parameter}`, value: "" }],
            },
            `Add ${intent.parameter} to the cache key of ${intent.httpMethod} ${intent.path}`,
          ),
        );
      }
      return steps;
    }
    case "set-integration-content-handling": {
      const method = requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
      const where = { restApiId, resourceId: intent.resourceId, httpMethod: intent.httpMethod };
      // contentHandling is patchable on the integration and on each integration response
      // (API_UpdateIntegration.html, API_UpdateIntegrationResponse.html).
      const known = new Set(method.integration?.integrationResponses.map((r) => r.statusCode) ?? []);
      return [
        call(
          "UpdateIntegrationCommand",
          { ...where, patchOperations: [{ op: "replace", path: "/contentHandling", value: intent.contentHandling }] },
          `Set contentHandling ${intent.contentHandling} on the integration of ${intent.httpMethod} ${intent.path}`,
        ),
        ...intent.statusCodes
          .filter((code) => known.has(code))
          .map((statusCode) =>
            call(
              "UpdateIntegrationResponseCommand",
              { ...where, statusCode, patchOperations: [{ op: "replace", path: "/contentHandling", value: intent.contentHandling }] },
              `Set contentHandling ${intent.contentHandling} on the ${statusCode} integration response of ${intent.httpMethod} ${intent.path}`,
            ),
          ),
      ];
    }
    case "clear-method-request-validator":
      requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
      // An empty value removes the validator (the replace form the Terraform AWS provider and LocalStack's AWS-validated tests use).
      return [
        call(
          "UpdateMethodCommand",
          {
            restApiId,
            resourceId: intent.resourceId,
            httpMethod: intent.httpMethod,
            patchOperations: [{ op: "replace", path: "/requestValidatorId", value: "" }],
          },
          `Stop validating requests to ${intent.httpMethod} ${intent.path} (validator ${intent.requestValidatorId})`,
        ),
      ];
    case "set-rest-api-policy":
      return [
        call(
          "UpdateRestApiCommand",
          { restApiId, patchOperations: [{ op: "replace", path: "/policy", value: intent.policy }] },
          `Replace the resource policy: ${intent.changes.join("; ")}`,
        ),
      ];
    case "set-stage-method-setting":
      return [
        call(
          "UpdateStageCommand",
          {
            restApiId,
            stageName: intent.stage,
            patchOperations: [
              {
                op: "replace",
                path: stageMethodSettingPatchPath(intent.path, intent.httpMethod, intent.setting),
                value: String(intent.value),
              },
            ],
          },
          `Stage ${intent.stage}: ${intent.path} ${intent.httpMethod} ${intent.setting} → ${String(intent.value)}`,
        ),
      ];
    case "redeploy-stage":
      return [
        call(
          "CreateDeploymentCommand",
          { restApiId, stageName: intent.stage, description: intent.description },
          `Redeploy stage ${intent.stage}`,
        ),
      ];
    case "remove-stage-canary":
      // Disabling a canary is removing /canarySettings: "set the canarySettings to null to remove it from the stage"
      // (https://docs.aws.amazon.com/apigateway/latest/developerguide/delete-canary-deployment.html). Every request then
      // goes to the stage's own deployment: the fixed draft when the plan redeploys the stage (one phase earlier).
      return [
        call(
          "UpdateStageCommand",
          { restApiId, stageName: intent.stage, patchOperations: [{ op: "remove", path: "/canarySettings" }] },
          `Remove stage ${intent.stage}'s canary (deployment ${intent.canaryDeploymentId}, ${canaryShare(intent.percentTraffic)} of requests): every request then goes to the stage's own deployment`,
        ),
      ];
    case "flush-authorizer-cache":
      return [
        call(
          "FlushStageAuthorizersCacheCommand",
          { restApiId, stageName: intent.stage },
          `Flush the authorizer cache of stage ${intent.stage}`,
        ),
      ];
    default:
      return assertNever(intent);
  }
}

/** "10 %", "2.5 %": a canary's share as the audit words it. */
export function canaryShare(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)} %`;
}

function call(command: ApiCommand, input: ApiInput, description: string): ApiCall {
  return { type: "call", command, input, description };
}

/** A MOCK integration answers the preflight in API Gateway; its template selects the 200 response. */
function mockIntegration(restApiId: string, resourceId: string, path: string): ApiCall {
  return call(
    "PutIntegrationCommand",
    {
      restApiId,
      resourceId,
      httpMethod: "OPTIONS",
      type: "MOCK",
      requestTemplates: { "application/json": MOCK_REQUEST_TEMPLATE },
    },
    `Answer OPTIONS ${path} with a MOCK integration`,
  );
}

/** Method response and integration response carrying the CORS headers, created or patched as the model says. */
function preflightResponses(
  ctx: RemediationContext,
  resourceId: string,
  path: string,
  statusCode: string,
  cors: CorsHeaders,
  state: { integrationReplaced: boolean; methodIsNew: boolean },
): ApiStep[] {
  const restApiId = ctx.apiId;
  const headers = corsHeaderValues(cors);
  const method = state.methodIsNew ? undefined : findMethod(ctx, resourceId, "OPTIONS");
  const methodResponse = method?.methodResponses.find((response) => response.statusCode === statusCode);
  const integrationResponse = state.integrationReplaced
    ? undefined
    : method?.integration?.integrationResponses.find((response) => response.statusCode === statusCode);
  const target = { restApiId, resourceId, httpMethod: "OPTIONS", statusCode };
  const steps: ApiStep[] = [];

  if (methodResponse) {
    const missing = headers.filter(([name]) => !(`${METHOD_RESPONSE_HEADER}${name}` in methodResponse.responseParameters));
    if (missing.length > 0) {
      steps.push(
        call(
          "UpdateMethodResponseCommand",
          {
            ...target,
            patchOperations: missing.map(([name]) => ({
              op: "add" as const,
              path: `/responseParameters/${METHOD_RESPONSE_HEADER}${name}`,
              value: "false",
            })),
          },
          `Declare the CORS headers on the OPTIONS ${path} ${statusCode} method response`,
        ),
      );
    }
  } else {
    steps.push({
      ...call(
        "PutMethodResponseCommand",
        {
          ...target,
          responseParameters: Object.fromEntries(headers.map(([name]) => [`${METHOD_RESPONSE_HEADER}${name}`, false])),
        },
        `Declare the CORS headers on the OPTIONS ${path} ${statusCode} method response`,
      ),
      skipIfFound: { command: "GetMethodResponseCommand", input: target },
    });
  }

  if (integrationResponse) {
    const patchOperations = headers.map(([name, value]): { op: "add" | "replace"; path: string; value: string } => ({
      op: `${METHOD_RESPONSE_HEADER}${name}` in integrationResponse.responseParameters ? "replace" : "add",
      path: `/responseParameters/${METHOD_RESPONSE_HEADER}${name}`,
      value: staticMappingValue(value),
    }));
    steps.push(call("UpdateIntegrationResponseCommand", { ...target, patchOperations }, `Return the CORS headers from OPTIONS ${path}`));
  } else {
    steps.push(
      call(
        "PutIntegrationResponseCommand",
        {
          ...target,
          responseParameters: Object.fromEntries(
            headers.map(([name, value]) => [`${METHOD_RESPONSE_HEADER}${name}`, staticMappingValue(value)]),
          ),
          responseTemplates: { "application/json": "" },
        },
        `Return the CORS headers from OPTIONS ${path}`,
      ),
    );
  }
  return steps;
}

/**
 * Access-Control-Allow-Origin on a method's actual response: declared on the method response (API Gateway
 * returns only declared headers), then mapped to the static origin in the integration response.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html (non-proxy integrations)
 */
function methodResponseOrigin(ctx: RemediationContext, intent: AddMethodResponseCorsOriginIntent): ApiStep[] {
  const method = requireMethod(ctx, intent.resourceId, intent.httpMethod, intent.path);
  const integrationResponse = method.integration?.integrationResponses.find((response) => response.statusCode === intent.statusCode);
  // The body template of an integration response is not in the model, so one is never recreated here.
  if (!integrationResponse)
    throw new Error(
      `${intent.httpMethod} ${intent.path} has no ${intent.statusCode} integration response to map Access-Control-Allow-Origin in.`,
    );
  const methodResponse = method.methodResponses.find((response) => response.statusCode === intent.statusCode);
  const target = { restApiId: ctx.apiId, resourceId: intent.resourceId, httpMethod: intent.httpMethod, statusCode: intent.statusCode };
  const where = `${intent.httpMethod} ${intent.path} ${intent.statusCode}`;
  const steps: ApiStep[] = [];
  if (!methodResponse) {
    steps.push({
      ...call(
        "PutMethodResponseCommand",
        { ...target, responseParameters: { [ALLOW_ORIGIN_KEY]: false } },
        `Declare Access-Control-Allow-Origin on the ${where} method response`,
      ),
      skipIfFound: { command: "GetMethodResponseCommand", input: target },
    });
  } else if (storedKey(methodResponse.responseParameters, ALLOW_ORIGIN_KEY) === undefined) {
    steps.push(
      call(
        "UpdateMethodResponseCommand",
        { ...target, patchOperations: [{ op: "add", path: `/responseParameters/${ALLOW_ORIGIN_KEY}`, value: "false" }] },
        `Declare Access-Control-Allow-Origin on the ${where} method response`,
      ),
    );
  }
  const mappedKey = storedKey(integrationResponse.responseParameters, ALLOW_ORIGIN_KEY);
  steps.push(
    call(
      "UpdateIntegrationResponseCommand",
      {
        ...target,
        patchOperations: [
          {
            op: mappedKey === undefined ? "add" : "replace",
            path: `/responseParameters/${mappedKey ?? ALLOW_ORIGIN_KEY}`,
            value: staticMappingValue(intent.allowOrigin),
          },
        ],
      },
      `Return Access-Control-Allow-Origin: ${intent.allowOrigin} from ${where}`,
    ),
  );
  return steps;
}

export function gatewayResponseCorsHeaders(intent: {
  allowOrigin: string;
  allowHeaders: string[];
  allowMethods?: string[];
}): Array<[string, string]> {
  if (!intent.allowOrigin) throw new Error("A gateway response CORS fix needs an allowOrigin value.");
  const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
  if (intent.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", intent.allowHeaders.join(",")]);
  if (intent.allowMethods && intent.allowMethods.length > 0) headers.push(["Access-Control-Allow-Methods", intent.allowMethods.join(",")]);
  return headers;
}
