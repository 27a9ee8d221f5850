import { createDeployment, type CreateDeploymentInput } from "../control-plane/deployments";
import { putIntegration, putIntegrationResponse, type PutIntegrationInput } from "../control-plane/integrations";
import { putMethodResponse } from "../control-plane/method-responses";
import { putMethod, type PutMethodInput } from "../control-plane/methods";
import { ensureResourcePath } from "../control-plane/resources";
import type { ResourceWire } from "../state";
import type { Scope } from "../store";

/**
 * A thin convenience layer for seeds over the control-plane write functions (the same code the
 * HTTP handlers run), so seeded APIs pass exactly the validation a client's calls would.
 */
export interface CorsOptions {
  allowMethods: string;
  allowHeaders: string;
  allowOrigin?: string;
  method?: PutMethodInput;
}

const CORS_HEADERS = ["Access-Control-Allow-Headers", "Access-Control-Allow-Methods", "Access-Control-Allow-Origin"] as const;

export class ApiBuilder {
  constructor(
    readonly scope: Scope,
    readonly apiId: string,
  ) {}

  /** The resource at `path`, creating missing segments. */
  resource(path: string): ResourceWire {
    return ensureResourcePath(this.scope, this.apiId, path);
  }

  /**
   * A method answered by a MOCK integration returning `body` with status 200. With `allowOrigin`, the 200
   * response also declares and maps Access-Control-Allow-Origin, as the console's "Enable CORS" does for
   * each method (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors-console.html).
   */
  mockMethod(
    path: string,
    verb: string,
    method: PutMethodInput,
    body: unknown,
    integration: Partial<PutIntegrationInput> = {},
    cors: { allowOrigin?: string } = {},
  ): void {
    const resource = this.resource(path);
    putMethod(this.scope, this.apiId, resource.id, verb, method);
    putIntegration(this.scope, this.apiId, resource.id, verb, {
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      ...integration,
    });
    const origin = "method.response.header.Access-Control-Allow-Origin";
    putMethodResponse(this.scope, this.apiId, resource.id, verb, "200", {
      ...(cors.allowOrigin !== undefined ? { responseParameters: { [origin]: false } } : {}),
      responseModels: { "application/json": "Empty" },
    });
    putIntegrationResponse(this.scope, this.apiId, resource.id, verb, "200", {
      ...(cors.allowOrigin !== undefined ? { responseParameters: { [origin]: `'${cors.allowOrigin}'` } } : {}),
      responseTemplates: { "application/json": JSON.stringify(body) },
    });
  }

  /** The console's "Enable CORS" shape: OPTIONS + MOCK + header mappings on a 200 response. */
  corsOptions(path: string, options: CorsOptions): void {
    const resource = this.resource(path);
    putMethod(this.scope, this.apiId, resource.id, "OPTIONS", options.method ?? { authorizationType: "NONE" });
    putIntegration(this.scope, this.apiId, resource.id, "OPTIONS", {
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
    });
    putMethodResponse(this.scope, this.apiId, resource.id, "OPTIONS", "200", {
      responseParameters: Object.fromEntries(CORS_HEADERS.map((header) => [`method.response.header.${header}`, false])),
      responseModels: { "application/json": "Empty" },
    });
    putIntegrationResponse(this.scope, this.apiId, resource.id, "OPTIONS", "200", {
      responseParameters: {
        "method.response.header.Access-Control-Allow-Headers": `'${options.allowHeaders}'`,
        "method.response.header.Access-Control-Allow-Methods": `'${options.allowMethods}'`,
        "method.response.header.Access-Control-Allow-Origin": `'${options.allowOrigin ?? "*"}'`,
      },
      responseTemplates: { "application/json": "" },
    });
  }

  deploy(input: CreateDeploymentInput, id?: string): string {
    return createDeployment(this.scope, this.apiId, input, id).id;
  }
}

export function lambdaAuthorizerUri(region: string, accountId: string, functionName: string): string {
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${accountId}:function:${functionName}/invocations`;
}
