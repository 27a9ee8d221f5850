import type { AuthorizationType, AuthorizerModel, HttpVerb, IntegrationType } from "@/lib/model/types";
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
import { gatewayResponseCorsHeaders } from "@/lib/remediation/formats/api-calls";
import type {
  AddCacheKeyParameterIntent,
  AddCorsPreflightIntent,
  AddGatewayResponseCorsIntent,
  AddMethodResponseCorsOriginIntent,
  CorsHeaders,
  ReplacePreflightIntegrationWithMockIntent,
  SetAuthorizerTtlIntent,
  SetIntegrationContentHandlingIntent,
  ClearMethodRequestValidatorIntent,
  SetRestApiPolicyIntent,
  SetMethodApiKeyRequiredIntent,
  SetMethodAuthorizationIntent,
  SetPreflightHeadersIntent,
  SetStageMethodSettingIntent,
  StageMethodSetting,
} from "@/lib/remediation/intents";
import { findAuthorizer, findGatewayResponse, findMethod, findResource, requireMethod } from "@/lib/remediation/model-lookup";

/**
 * The declarative formats (CloudFormation, SAM, Terraform, CDK) describe how things should be, not the
 * calls that get there. This accumulator starts from the audited model and applies intents, so several
 * intents on one method end up in one definition.
 */
export interface DesiredIntegrationResponse {
  /** Copied from the audited API (its mapping templates, which the model does not carry, exist there). */
  audited?: true;
  statusCode: string;
  selectionPattern?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  contentHandling?: string;
}

export interface DesiredMethod {
  resourceId: string;
  path: string;
  httpMethod: HttpVerb;
  /** True when the audited API has no such method yet. */
  isNew: boolean;
  authorizationType: AuthorizationType;
  authorizerId?: string;
  authorizationScopes: string[];
  apiKeyRequired: boolean;
  requestParameters: Record<string, boolean>;
  requestValidatorId?: string;
  integration?: {
    type: IntegrationType;
    httpMethod?: string;
    uri?: string;
    requestTemplates: Record<string, string>;
    requestParameters: Record<string, string>;
    cacheKeyParameters: string[];
    integrationResponses: DesiredIntegrationResponse[];
    contentHandling?: string;
  };
  methodResponses: Array<{ statusCode: string; responseParameters: Record<string, boolean> }>;
  /** Whether the integration is replaced wholesale (MOCK) rather than patched. */
  integrationReplaced: boolean;
  /** What changed, for comments: "authorization CUSTOM → NONE". */
  changes: string[];
  /** The CORS headers the preflight answers with, when a CORS intent touched this method. */
  cors?: CorsHeaders;
  /** Method or integration responses changed (CORS headers), so formats must write them out. */
  responsesChanged: boolean;
  /**
   * Integration responses copied from the audit: the model does not carry their mapping templates or the
   * method responses' models, so formats that rewrite them tell the user to keep their own.
   */
  auditedResponses: boolean;
}

export interface DesiredGatewayResponse {
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
}

export interface DesiredAuthorizer {
  authorizer: AuthorizerModel;
  fromSeconds: number;
  ttlSeconds: number;
}

export interface DesiredStageSetting {
  stage: string;
  path: string;
  httpMethod: HttpVerb | "*";
  settings: Partial<Record<StageMethodSetting, string | number | boolean>>;
}

export class DesiredState {
  readonly methods = new Map<string, DesiredMethod>();
  readonly gatewayResponses = new Map<string, DesiredGatewayResponse>();
  readonly authorizers = new Map<string, DesiredAuthorizer>();
  readonly stageSettings = new Map<string, DesiredStageSetting>();
  /** The REST API's new resource policy, when a fix replaces it. */
  restApiPolicy?: SetRestApiPolicyIntent;

  constructor(private readonly ctx: RemediationContext) {}

  private method(resourceId: string, httpMethod: HttpVerb, path: string, createIfMissing: boolean): DesiredMethod {
    const key = `${resourceId} ${httpMethod}`;
    const existing = this.methods.get(key);
    if (existing) return existing;
    const audited = findMethod(this.ctx, resourceId, httpMethod);
    if (!audited && !createIfMissing) requireMethod(this.ctx, resourceId, httpMethod, path);
    if (!findResource(this.ctx, resourceId))
      throw new Error(`Resource ${resourceId} (${path}) is not in the model of API ${this.ctx.apiId}.`);
    const desired: DesiredMethod = audited
      ? {
          resourceId,
          path: audited.path,
          httpMethod,
          isNew: false,
          authorizationType: audited.authorizationType,
          ...(audited.authorizerId ? { authorizerId: audited.authorizerId } : {}),
          authorizationScopes: [...audited.authorizationScopes],
          apiKeyRequired: audited.apiKeyRequired,
          requestParameters: { ...audited.requestParameters },
          ...(audited.requestValidatorId ? { requestValidatorId: audited.requestValidatorId } : {}),
          ...(audited.integration
            ? {
                integration: {
                  type: audited.integration.type,
                  ...(audited.integration.httpMethod ? { httpMethod: audited.integration.httpMethod } : {}),
                  ...(audited.integration.uri ? { uri: audited.integration.uri } : {}),
                  requestTemplates: { ...audited.integration.requestTemplates },
                  requestParameters: { ...audited.integration.requestParameters },
                  cacheKeyParameters: [...audited.integration.cacheKeyParameters],
                  ...(audited.integration.contentHandling ? { contentHandling: audited.integration.contentHandling } : {}),
                  integrationResponses: audited.integration.integrationResponses.map((response) => ({
                    audited: true as const,
                    statusCode: response.statusCode,
                    ...(response.selectionPattern !== undefined ? { selectionPattern: response.selectionPattern } : {}),
                    responseParameters: { ...response.responseParameters },
                    responseTemplates: {},
                    ...(response.contentHandling ? { contentHandling: response.contentHandling } : {}),
                  })),
                },
              }
            : {}),
          methodResponses: audited.methodResponses.map((response) => ({
            statusCode: response.statusCode,
            responseParameters: { ...response.responseParameters },
          })),
          integrationReplaced: false,
          changes: [],
          responsesChanged: false,
          auditedResponses: (audited.integration?.integrationResponses.length ?? 0) > 0,
        }
      : {
          resourceId,
          path,
          httpMethod,
          isNew: true,
          authorizationType: "NONE",
          authorizationScopes: [],
          apiKeyRequired: false,
          requestParameters: {},
          methodResponses: [],
          integrationReplaced: true,
          changes: ["new method"],
          responsesChanged: false,
          auditedResponses: false,
        };
    this.methods.set(key, desired);
    return desired;
  }

  setAuthorization(intent: SetMethodAuthorizationIntent): void {
    if (intent.to === "CUSTOM" || intent.to === "COGNITO_USER_POOLS") {
      throw new Error(`set-method-authorization to ${intent.to} needs an authorizer id, which the intent does not carry.`);
    }
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    method.authorizationType = intent.to;
    delete method.authorizerId;
    method.authorizationScopes = [];
    method.changes.push(`authorization ${intent.from} → ${intent.to}`);
  }

  setApiKeyRequired(intent: SetMethodApiKeyRequiredIntent): void {
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    method.apiKeyRequired = intent.value;
    method.changes.push(`apiKeyRequired → ${intent.value}`);
  }

  addCorsPreflight(intent: AddCorsPreflightIntent): void {
    const method = this.method(intent.resourceId, "OPTIONS", intent.path, true);
    method.authorizationType = "NONE";
    delete method.authorizerId;
    method.apiKeyRequired = false;
    this.mockPreflight(method, intent, "200");
  }

  replaceWithMock(intent: ReplacePreflightIntegrationWithMockIntent): void {
    const method = this.method(intent.resourceId, "OPTIONS", intent.path, false);
    method.changes.push("integration → MOCK");
    this.mockPreflight(method, intent, "200");
  }

  setPreflightHeaders(intent: SetPreflightHeadersIntent): void {
    const method = this.method(intent.resourceId, "OPTIONS", intent.path, false);
    method.changes.push("CORS headers corrected");
    this.addCorsResponses(method, intent, intent.statusCode);
  }

  /** Access-Control-Allow-Origin declared on the method response and mapped in the integration response of one status. */
  addMethodResponseCorsOrigin(intent: AddMethodResponseCorsOriginIntent): void {
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    const integrationResponse = method.integration?.integrationResponses.find((response) => response.statusCode === intent.statusCode);
    if (!integrationResponse)
      throw new Error(
        `${intent.httpMethod} ${intent.path} has no ${intent.statusCode} integration response to map Access-Control-Allow-Origin in.`,
      );
    let methodResponse = method.methodResponses.find((response) => response.statusCode === intent.statusCode);
    if (!methodResponse) {
      methodResponse = { statusCode: intent.statusCode, responseParameters: {} };
      method.methodResponses.push(methodResponse);
    }
    methodResponse.responseParameters[storedKey(methodResponse.responseParameters, ALLOW_ORIGIN_KEY) ?? ALLOW_ORIGIN_KEY] ??= false;
    integrationResponse.responseParameters[storedKey(integrationResponse.responseParameters, ALLOW_ORIGIN_KEY) ?? ALLOW_ORIGIN_KEY] =
      staticMappingValue(intent.allowOrigin);
    method.responsesChanged = true;
    method.changes.push(`Access-Control-Allow-Origin ${intent.allowOrigin} on the ${intent.statusCode} response`);
  }

  private mockPreflight(method: DesiredMethod, cors: CorsHeaders, statusCode: string): void {
    method.integrationReplaced = true;
    method.auditedResponses = false;
    method.integration = {
      type: "MOCK",
      requestTemplates: { "application/json": MOCK_REQUEST_TEMPLATE },
      requestParameters: {},
      cacheKeyParameters: [],
      integrationResponses: [],
    };
    this.addCorsResponses(method, cors, statusCode);
  }

  private addCorsResponses(method: DesiredMethod, cors: CorsHeaders, statusCode: string): void {
    method.cors = cors;
    method.responsesChanged = true;
    const headers = corsHeaderValues(cors);
    let methodResponse = method.methodResponses.find((response) => response.statusCode === statusCode);
    if (!methodResponse) {
      methodResponse = { statusCode, responseParameters: {} };
      method.methodResponses.push(methodResponse);
    }
    for (const [name] of headers) methodResponse.responseParameters[`${METHOD_RESPONSE_HEADER}${name}`] ??= false;
    if (!method.integration) throw new Error(`${method.httpMethod} ${method.path} has no integration to return CORS headers from.`);
    let integrationResponse = method.integration.integrationResponses.find((response) => response.statusCode === statusCode);
    if (!integrationResponse) {
      integrationResponse = { statusCode, responseParameters: {}, responseTemplates: { "application/json": "" } };
      method.integration.integrationResponses.push(integrationResponse);
    }
    for (const [name, value] of headers)
      integrationResponse.responseParameters[`${METHOD_RESPONSE_HEADER}${name}`] = staticMappingValue(value);
  }

  addCacheKeyParameter(intent: AddCacheKeyParameterIntent): void {
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    method.requestParameters[intent.parameter] ??= false;
    if (!method.integration) throw new Error(`${intent.httpMethod} ${intent.path} has no integration to add a cache key to.`);
    if (!method.integration.cacheKeyParameters.includes(intent.parameter)) method.integration.cacheKeyParameters.push(intent.parameter);
    method.changes.push(`cache key + ${intent.parameter}`);
  }

  clearRequestValidator(intent: ClearMethodRequestValidatorIntent): void {
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    delete method.requestValidatorId;
    method.changes.push(`request validator ${intent.requestValidatorId} removed`);
  }

  setContentHandling(intent: SetIntegrationContentHandlingIntent): void {
    const method = this.method(intent.resourceId, intent.httpMethod, intent.path, false);
    if (!method.integration) throw new Error(`${intent.httpMethod} ${intent.path} has no integration to set contentHandling on.`);
    method.integration.contentHandling = intent.contentHandling;
    for (const response of method.integration.integrationResponses) {
      if (intent.statusCodes.includes(response.statusCode)) response.contentHandling = intent.contentHandling;
    }
    method.responsesChanged = true;
    method.changes.push(`contentHandling → ${intent.contentHandling}`);
  }

  addGatewayResponseCors(intent: AddGatewayResponseCorsIntent): void {
    const audited = findGatewayResponse(this.ctx, intent.responseType);
    const desired = this.gatewayResponses.get(intent.responseType) ?? {
      responseType: intent.responseType,
      ...(audited && !audited.isDefault && audited.statusCode ? { statusCode: audited.statusCode } : {}),
      responseParameters: { ...intent.existingResponseParameters },
      responseTemplates: audited && !audited.isDefault ? { ...audited.responseTemplates } : {},
    };
    if (intent.statusCode) desired.statusCode = intent.statusCode;
    for (const [name, value] of gatewayResponseCorsHeaders(intent))
      desired.responseParameters[`${GATEWAY_RESPONSE_HEADER}${name}`] = staticMappingValue(value);
    this.gatewayResponses.set(intent.responseType, desired);
  }

  setAuthorizerTtl(intent: SetAuthorizerTtlIntent): void {
    const authorizer = findAuthorizer(this.ctx, intent.authorizerId);
    if (!authorizer)
      throw new Error(`Authorizer ${intent.authorizerId} (${intent.authorizerName}) is not in the model of API ${this.ctx.apiId}.`);
    this.authorizers.set(intent.authorizerId, { authorizer, fromSeconds: intent.fromSeconds, ttlSeconds: intent.toSeconds });
  }

  setStageSetting(intent: SetStageMethodSettingIntent): void {
    const key = `${intent.stage} ${intent.path} ${intent.httpMethod}`;
    const desired = this.stageSettings.get(key) ?? { stage: intent.stage, path: intent.path, httpMethod: intent.httpMethod, settings: {} };
    desired.settings[intent.setting] = intent.value;
    this.stageSettings.set(key, desired);
  }
}

/** CORS settings across all preflight intents, for formats with one API-wide CORS block (SAM, CDK defaults). */
export function mergedCors(state: DesiredState): CorsHeaders | undefined {
  const all = [...state.methods.values()].flatMap((method) => (method.cors ? [method.cors] : []));
  const first = all[0];
  if (!first) return undefined;
  return {
    allowOrigin: first.allowOrigin,
    allowMethods: [...new Set(all.flatMap((cors) => cors.allowMethods))],
    allowHeaders: [...new Set(all.flatMap((cors) => cors.allowHeaders))],
    ...(all.some((cors) => cors.allowCredentials) ? { allowCredentials: true } : {}),
    ...(all.find((cors) => cors.maxAgeSeconds !== undefined)?.maxAgeSeconds !== undefined
      ? { maxAgeSeconds: all.find((cors) => cors.maxAgeSeconds !== undefined)?.maxAgeSeconds }
      : {}),
  };
}
