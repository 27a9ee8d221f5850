import { ModelMemo } from "@/lib/model/model-memo";
import { authorizerWithId } from "@/lib/model/model-index";
import type { ApiModel, AuthorizerModel, MethodModel } from "@/lib/model/types";
import { SAFELISTED_CONTENT_TYPES, SAFELISTED_METHODS, SAFELISTED_REQUEST_HEADERS, includesIgnoreCase } from "./cors-headers";

// SigV4 puts the signature in Authorization and the time in X-Amz-Date; temporary credentials add X-Amz-Security-Token.
export const SIGV4_HEADERS = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"] as const;

export function authorizerOf(model: ApiModel, method: Pick<MethodModel, "authorizerId">): AuthorizerModel | undefined {
  // Indexed (lib/model/model-index.ts): asked once per method by several rules.
  return method.authorizerId === undefined ? undefined : authorizerWithId(model, method.authorizerId);
}

/** Headers the caller must send for the authorizer to see its identity sources. */
export function identityHeaders(authorizer: AuthorizerModel | undefined): string[] {
  return authorizer?.identitySources.filter((s) => s.location === "header").map((s) => s.name) ?? [];
}

/**
 * Headers a browser's real request to this method carries that are not CORS-safelisted, so each
 * must appear in the preflight's Access-Control-Allow-Headers: identity headers, the API key, a
 * JSON Content-Type, and required header parameters.
 */
export function requiredRequestHeaders(model: ApiModel, method: MethodModel): readonly string[] {
  // Most methods need none (no authorizer, no API key, no JSON body, no required header): told without a look-up.
  if (!mayRequireHeaders(method)) return NO_HEADERS;
  // Asked per method by four rules, twice by one; it depends on the method and the (immutable) model's authorizers and
  // API key source, so it is computed once per model and method. Callers only read the list.
  let byMethod = headersByModel.get(model);
  if (!byMethod) {
    byMethod = new WeakMap();
    headersByModel.set(model, byMethod);
  }
  let headers = byMethod.get(method);
  if (!headers) {
    headers = computeRequiredHeaders(model, method);
    byMethod.set(method, headers);
  }
  return headers;
}

const headersByModel = new ModelMemo<ApiModel, WeakMap<MethodModel, readonly string[]>>();
const NO_HEADERS: readonly string[] = Object.freeze([]);

/**
 * Whether no method of the model requires a request header (requiredRequestHeaders is empty for each) and none is
 * preflighted for its verb alone, so none needs a preflight (needsPreflight): one walk over the methods per model
 * (immutable once normalised) instead of one in each rule that asks it of every method (issue 16: 10,000 GETs).
 */
export function methodNeeds(model: ApiModel): MethodNeeds {
  let needs = needsByModel.get(model);
  if (needs === undefined) {
    needs = computeNeeds(model);
    needsByModel.set(model, needs);
  }
  return needs;
}

export interface MethodNeeds {
  /** Some method may require a request header (requiredRequestHeaders is empty for all the others). */
  headers: boolean;
  /** Some method may need a preflight (needsPreflight is false for all the others). */
  preflight: boolean;
}

const needsByModel = new ModelMemo<ApiModel, MethodNeeds>();

function computeNeeds(model: ApiModel): MethodNeeds {
  let headers = false;
  let verbs = false;
  for (const resource of model.resources)
    for (const method of resource.methods) {
      const verb = method.httpMethod;
      if (verb !== "OPTIONS" && (verb === "ANY" || !SAFELISTED_METHODS.has(verb))) verbs = true;
      if (!headers && mayRequireHeaders(method)) headers = true;
      if (headers && verbs) return { headers, preflight: true };
    }
  return { headers, preflight: headers || verbs };
}

/** False only when computeRequiredHeaders() finds nothing whatever the model holds. */
function mayRequireHeaders(method: MethodModel): boolean {
  return method.authorizationType !== "NONE" || method.apiKeyRequired || takesJsonBody(method) || hasKeys(method.requestParameters);
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function computeRequiredHeaders(model: ApiModel, method: MethodModel): string[] {
  const headers: string[] = [];
  if (method.authorizationType === "AWS_IAM") for (const name of SIGV4_HEADERS) addHeader(headers, name);
  if (method.authorizationType === "CUSTOM" || method.authorizationType === "COGNITO_USER_POOLS") {
    const authorizer = authorizerOf(model, method);
    // A Cognito or TOKEN authorizer whose definition could not be read still takes its token from a header.
    const names = authorizer ? identityHeaders(authorizer) : ["Authorization"];
    for (const name of names) addHeader(headers, name);
  }
  if (method.apiKeyRequired && model.api.apiKeySource === "HEADER") addHeader(headers, "X-Api-Key");
  if (takesJsonBody(method)) addHeader(headers, "Content-Type");
  for (const [parameter, required] of Object.entries(method.requestParameters)) {
    const match = /^method\.request\.header\.(.+)$/i.exec(parameter);
    if (required && match?.[1] && !SAFELISTED_REQUEST_HEADERS.has(match[1].toLowerCase())) addHeader(headers, match[1]);
  }
  return headers;
}

function addHeader(headers: string[], name: string): void {
  if (!includesIgnoreCase(headers, name)) headers.push(name);
}

/** A body with a non-form content type (JSON, XML) makes Content-Type non-safelisted. */
export function takesJsonBody(method: MethodModel): boolean {
  let declared = false;
  for (const type in method.requestModels) {
    if (!Object.hasOwn(method.requestModels, type)) continue;
    declared = true;
    if (!SAFELISTED_CONTENT_TYPES.has(type.toLowerCase())) return true;
  }
  // assumesJsonBody(), whose "no request model" is known here.
  return !declared && JSON_BY_DEFAULT.has(method.httpMethod);
}

/**
 * Verbs whose body is assumed to be JSON when the method declares no request model. PUT and PATCH cannot come from a
 * form at all; a POST can, but single-page apps send fetch(…, { body: JSON.stringify(…), headers: { "Content-Type":
 * "application/json" } }), and application/json is not a CORS-safelisted Content-Type, so the browser preflights it
 * (Fetch standard, "CORS-safelisted request-header": only application/x-www-form-urlencoded, multipart/form-data and
 * text/plain are). Only request models that are all form or text types show a POST takes form bodies only.
 */
const JSON_BY_DEFAULT: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

/** True when the method is preflighted only because its body is assumed to be JSON (no request model says otherwise). */
export function assumesJsonBody(method: MethodModel): boolean {
  return !hasKeys(method.requestModels) && JSON_BY_DEFAULT.has(method.httpMethod);
}

/** The sentence a finding adds when a POST counts as preflighted by that assumption alone. */
export function jsonPostAssumption(model: ApiModel, methods: readonly MethodModel[]): string | undefined {
  const assumed = methods.filter(
    (m) =>
      m.httpMethod === "POST" && assumesJsonBody(m) && requiredRequestHeaders(model, m).every((h) => h.toLowerCase() === "content-type"),
  );
  if (assumed.length === 0) return undefined;
  return `POST ${assumed[0]!.path} declares no request model, so it is assumed to take JSON as single-page apps send it (Content-Type: application/json is not CORS-safelisted, so the browser preflights it); if it only takes form posts, declare application/x-www-form-urlencoded, multipart/form-data or text/plain request models and this does not apply.`;
}

/** Whether a browser calling this method cross-origin sends a preflight first. */
export function needsPreflight(model: ApiModel, method: MethodModel): boolean {
  if (method.httpMethod === "OPTIONS") return false;
  if (method.httpMethod === "ANY" || !SAFELISTED_METHODS.has(method.httpMethod)) return true;
  return requiredRequestHeaders(model, method).length > 0;
}
