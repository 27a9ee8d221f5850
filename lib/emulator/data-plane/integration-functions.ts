/**
 * Stand-ins for the backends behind non-MOCK integrations (a Lambda for AWS_PROXY, an HTTP server for
 * HTTP_PROXY...). A seed may register a function under the integration `uri`; an unregistered
 * backend is the echo backend (see echo-backend.ts), so every integration answers without a network.
 */
export interface BackendEvent {
  integrationType: string;
  uri?: string;
  httpMethod: string;
  resource: string;
  path: string;
  pathParameters: Record<string, string>;
  queryStringParameters: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  stageVariables: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    stage: string;
    requestId: string;
    resourcePath: string;
    httpMethod: string;
    authorizer?: Record<string, unknown>;
  };
}

/** The Lambda proxy output shape. https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html */
export interface BackendResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

export type IntegrationFunction = (event: BackendEvent) => Promise<BackendResult> | BackendResult;

const registry = new Map<string, IntegrationFunction>();

export function registerIntegrationFunction(uri: string, fn: IntegrationFunction): void {
  registry.set(uri, fn);
}

export function findIntegrationFunction(uri: string | undefined): IntegrationFunction | undefined {
  return uri ? registry.get(uri) : undefined;
}
