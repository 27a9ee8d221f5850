import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkApiKey } from "./api-key";
import { authorize } from "./authorize";
import type { DataPlaneContext, DeployedStage } from "./context";
import { renderGatewayResponse, type GatewayError } from "./gateway-response";
import { readIncomingRequest, type IncomingRequest } from "./incoming-request";
import { runIntegration } from "./integration";
import { parseInvokeUrl } from "./invoke-url";
import { buildMethodArn } from "./method-arn";
import { sendReply, type HttpReply } from "./reply";
import { matchRoute } from "./route-match";
import { checkIamSignature } from "./iam-authorization";
import { lookupStageCache } from "./stage-cache";
import { mockFailsOnBinary } from "./binary-media";
import { evaluateResourcePolicy } from "./resource-policy";

const JSON_HEADERS = { "Content-Type": "application/json" };

/**
 * Serves one invoke request against what was deployed to the stage (the deployment snapshot, never
 * the draft): route → authorizer → API key → integration, answering every failure with the
 * deployment's gateway responses.
 */
export async function handleDataPlaneRequest(req: IncomingMessage, res: ServerResponse, ctx: DataPlaneContext): Promise<void> {
  const requestId = randomUUID();
  try {
    sendReply(res, await serve(req, ctx, requestId), requestId);
  } catch {
    // An emulator bug must still answer, like API Gateway's own internal errors.
    if (!res.headersSent)
      sendReply(res, { statusCode: 500, headers: JSON_HEADERS, body: '{"message":"Internal server error"}' }, requestId);
    else res.end();
  }
}

async function serve(req: IncomingMessage, ctx: DataPlaneContext, requestId: string): Promise<HttpReply> {
  const target = parseInvokeUrl(req.url ?? "");
  if (!target) return { statusCode: 404, headers: JSON_HEADERS, body: '{"message":"Not Found"}' };
  const deployed = ctx.findDeployedStage(target.apiId, target.stageName);
  // An unknown stage has no gateway responses to apply; AWS answers a bare 403 Forbidden.
  if (!deployed) {
    req.resume();
    return { statusCode: 403, headers: JSON_HEADERS, body: '{"message":"Forbidden"}' };
  }

  const read = await readIncomingRequest(req, target);
  // Set once routed, so later gateway responses can fill $context.resourcePath and $context.resourceId.
  const routed: { resourcePath?: string; resourceId?: string } = {};
  const fail = (error: GatewayError, request?: IncomingRequest, pathParameters?: Record<string, string>) =>
    renderGatewayResponse(error, deployed.deployment.snapshot.gatewayResponses, {
      request,
      pathParameters,
      stageVariables: deployed.stage.variables,
      requestId,
      apiId: target.apiId,
      stageName: target.stageName,
      accountId: deployed.account.accountId,
      ...routed,
    });
  if (!read.ok) return fail({ type: "REQUEST_TOO_LARGE", message: "Request Too Long" });
  const { request } = read;

  const route = matchRoute(deployed.deployment.snapshot.resources, request.path, request.httpMethod);
  if (route.kind === "no-route") return fail({ type: "MISSING_AUTHENTICATION_TOKEN", message: "Missing Authentication Token" }, request);
  const { method, resource, pathParameters } = route;
  Object.assign(routed, { resourcePath: resource.path, resourceId: resource.id });

  const ids = identifiers(deployed, target.apiId, target.stageName);
  // The resource policy is evaluated for every request, the preflight included (SPEC.md, "Resource policies").
  const signed = checkIamSignature(request).ok;
  const policy = evaluateResourcePolicy(
    deployed.deployment.snapshot.policy,
    buildMethodArn({ ...ids, httpMethod: request.httpMethod, path: request.path }),
    {
      user: signed ? `arn:aws:iam::${ids.accountId}:user/emulator` : "anonymous",
      ...(signed ? { accountId: ids.accountId } : {}),
      sourceIp: request.sourceIp,
    },
  );
  if (!policy.allowed) return fail({ type: "ACCESS_DENIED", message: policy.message }, request, pathParameters);
  const stageVariables = deployed.stage.variables ?? {};
  const outcome = await authorize({
    method,
    authorizers: deployed.deployment.snapshot.authorizers,
    request,
    stageVariables,
    context: {
      httpMethod: request.httpMethod,
      resourcePath: resource.path,
      stage: ids.stageName,
      path: `/${ids.stageName}${request.path}`,
      "identity.sourceIp": request.sourceIp,
    },
    methodArn: buildMethodArn({ ...ids, httpMethod: request.httpMethod, path: request.path }),
    resourcePath: resource.path,
    pathParameters,
    now: ctx.now?.() ?? Date.now(),
    ...ids,
  });
  if (!outcome.ok) return fail(outcome.error, request, pathParameters);

  if (method.apiKeyRequired) {
    const keyError = checkApiKey(
      deployed.deployment.snapshot.apiKeySource,
      request,
      outcome.principal,
      ctx.apiKeys(ids.accountId, deployed.region),
    );
    if (keyError) return fail(keyError, request, pathParameters);
  }

  const now = ctx.now?.() ?? Date.now();
  const cache = lookupStageCache({
    stage: deployed.stage,
    apiId: ids.apiId,
    resource,
    method,
    request,
    pathParameters,
    callerMayInvalidate: checkIamSignature(request).ok,
    now,
  });
  if (cache.kind === "hit") return cache.reply;
  // Message not documented by AWS (emulator choice, see SPEC.md).
  if (cache.kind === "forbidden")
    return fail({ type: "ACCESS_DENIED", message: "User is not authorized to invalidate the cache" }, request, pathParameters);

  if (mockFailsOnBinary(method, request, deployed.deployment.snapshot.binaryMediaTypes)) {
    return fail({ type: "API_CONFIGURATION_ERROR", message: "Internal server error" }, request, pathParameters);
  }
  const result = await runIntegration({
    method,
    resource,
    request,
    pathParameters,
    stageVariables,
    principal: outcome.principal,
    requestId,
    ...ids,
  });
  if (!result.ok) return fail(result.error, request, pathParameters);
  if (cache.kind !== "miss") return result.reply;
  cache.store(result.reply);
  return cache.warning ? { ...result.reply, headers: { ...result.reply.headers, Warning: cache.warning } } : result.reply;
}

function identifiers(deployed: DeployedStage, apiId: string, stageName: string) {
  return { accountId: deployed.account.accountId, region: deployed.region, apiId, stageName };
}
