import type { IntegrationWire, MethodWire, ResourceWire } from "../state";
import type { AuthorizedPrincipal } from "./authorization-outcome";
import { echoBackend } from "./echo-backend";
import type { GatewayError } from "./gateway-response";
import type { IncomingRequest } from "./incoming-request";
import { findIntegrationFunction, type BackendEvent, type BackendResult } from "./integration-functions";
import { buildMethodResponse, selectIntegrationResponse } from "./integration-response";
import type { HttpReply } from "./reply";

export interface IntegrationCall {
  method: MethodWire;
  resource: ResourceWire;
  request: IncomingRequest;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  principal?: AuthorizedPrincipal;
  accountId: string;
  apiId: string;
  stageName: string;
  requestId: string;
}

export type IntegrationOutcome = { ok: true; reply: HttpReply } | { ok: false; error: GatewayError };

const CONFIGURATION_ERROR: GatewayError = { type: "API_CONFIGURATION_ERROR", message: "Internal server error" };

export async function runIntegration(call: IntegrationCall): Promise<IntegrationOutcome> {
  const integration = call.method.methodIntegration;
  if (!integration) return { ok: false, error: CONFIGURATION_ERROR };
  if (integration.type === "MOCK")
    return respondThroughIntegrationResponses(call, String(mockStatusCode(integration, call.request)), {}, "");

  let backend: BackendResult;
  try {
    const fn = findIntegrationFunction(integration.uri) ?? echoBackend;
    backend = await fn(backendEvent(call, integration));
  } catch {
    return { ok: false, error: { type: "INTEGRATION_FAILURE", message: "Internal server error" } };
  }
  if (!Number.isInteger(backend.statusCode)) return { ok: false, error: CONFIGURATION_ERROR };

  // Proxy integrations return the backend response untouched; the others go through integration responses.
  if (integration.type === "AWS_PROXY" || integration.type === "HTTP_PROXY") {
    return { ok: true, reply: { statusCode: backend.statusCode, headers: { ...backend.headers }, body: backend.body ?? "" } };
  }
  return respondThroughIntegrationResponses(call, String(backend.statusCode), backend.headers ?? {}, backend.body ?? "");
}

function respondThroughIntegrationResponses(
  call: IntegrationCall,
  selector: string,
  backendHeaders: Record<string, string>,
  backendBody: string,
): IntegrationOutcome {
  const selected = selectIntegrationResponse(call.method.methodIntegration?.integrationResponses, selector);
  if (!selected) return { ok: false, error: CONFIGURATION_ERROR };
  const context = {
    requestId: call.requestId,
    apiId: call.apiId,
    stage: call.stageName,
    accountId: call.accountId,
    resourcePath: call.resource.path,
    httpMethod: call.request.httpMethod,
  };
  const sources = {
    request: call.request,
    pathParameters: call.pathParameters,
    stageVariables: call.stageVariables,
    integrationHeaders: backendHeaders,
    context,
  };
  const reply = buildMethodResponse(call.method, selected, sources, backendBody);
  return reply ? { ok: true, reply } : { ok: false, error: CONFIGURATION_ERROR };
}

/**
 * A MOCK integration's status comes from its request template, conventionally `{"statusCode": 200}`.
 * The template for the request's Content-Type is used, else application/json; no template means 200.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function mockStatusCode(integration: IntegrationWire, request: IncomingRequest): number {
  const templates = integration.requestTemplates ?? {};
  const contentType = request.headers["content-type"]?.split(";")[0]?.trim();
  const template = (contentType ? templates[contentType] : undefined) ?? templates["application/json"] ?? Object.values(templates)[0];
  const match = template ? /["']?statusCode["']?\s*:\s*["']?(\d{3})/.exec(template) : null;
  return match?.[1] ? Number(match[1]) : 200;
}

function backendEvent(call: IntegrationCall, integration: IntegrationWire): BackendEvent {
  const { request, principal } = call;
  const authorizer = principal
    ? { principalId: principal.principalId, ...principal.context, ...(principal.claims ? { claims: principal.claims } : {}) }
    : undefined;
  return {
    integrationType: integration.type,
    uri: integration.uri,
    httpMethod: request.httpMethod,
    resource: call.resource.path,
    path: request.path,
    pathParameters: call.pathParameters,
    queryStringParameters: request.queryStringParameters,
    headers: request.headers,
    body: request.body,
    stageVariables: call.stageVariables,
    requestContext: {
      accountId: call.accountId,
      apiId: call.apiId,
      stage: call.stageName,
      requestId: call.requestId,
      resourcePath: call.resource.path,
      httpMethod: request.httpMethod,
      authorizer,
    },
  };
}
