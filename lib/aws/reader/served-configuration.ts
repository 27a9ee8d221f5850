/**
 * What one deployment serves, as the model's raw shapes: from GetExport of a stage (read by the same OpenAPI reader
 * that reads templates, so the extensions are parsed once in one place), or, for a deployment no stage exports (a
 * canary), rebuilt from GetDeployment's API summary with the draft filling in everything else.
 *
 * An export is a deployed snapshot with the apigateway extensions: paths and verbs, security (authorizer, IAM, API key),
 * x-amazon-apigateway-integration with its responses, method responses, request parameters, x-amazon-apigateway-authorizer
 * (type, URI, identity source, TTL), gateway responses, binary media types, API key source, resource policy and the
 * request validator of each method (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html). It carries no ids:
 * resources are keyed by path and authorizers by name, so the draft's ids are put back by path and name.
 */
import type {
  RawAuthorizer,
  RawDeployment,
  RawMethod,
  RawResource,
  RawRestApi,
  RawServedConfiguration,
  RawGatewayResponse,
} from "@/lib/model/raw-snapshot";
import { asStatusCodeMap } from "@/lib/aws/reader/status-code-map";
import { readOpenApiDefinition } from "@/lib/templates/openapi";

/** A larger export is not one API Gateway produces for a REST API (300 resources by default); refused, not parsed. */
export const MAX_EXPORT_CHARS = 20_000_000;

export type ExportParse = { ok: true; served: RawServedConfiguration } | { ok: false; reason: string };

export function servedFromExport(text: string, stageName: string): ExportParse {
  if (text.length > MAX_EXPORT_CHARS)
    return { ok: false, reason: `the export of stage ${stageName} is larger than ${MAX_EXPORT_CHARS} characters` };
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch {
    return { ok: false, reason: `the export of stage ${stageName} is not JSON` };
  }
  if (typeof definition !== "object" || definition === null || !("paths" in definition)) {
    return { ok: false, reason: `the export of stage ${stageName} is not an OpenAPI definition` };
  }
  const reading = readOpenApiDefinition({ definition, locate: () => ({ file: `GetExport ${stageName}`, line: 1, column: 1 }) });
  const served: RawServedConfiguration = {
    source: "export",
    exportedStage: stageName,
    resources: reading.resources,
    authorizers: reading.authorizers,
    gatewayResponses: reading.gatewayResponses,
    // Stage-level settings (method settings, cache, variables) are not in an export and come from GetStages anyway.
    filledFromDraft: [],
  };
  if (reading.restApi.apiKeySource) served.apiKeySource = reading.restApi.apiKeySource;
  if (reading.restApi.binaryMediaTypes) served.binaryMediaTypes = reading.restApi.binaryMediaTypes;
  if (reading.restApi.policy) served.policy = reading.restApi.policy;
  return { ok: true, served };
}

/**
 * Puts the draft's ids back: resources by path, authorizers by name (an export names each authorizer's security
 * scheme after it). Resources or authorizers the draft no longer has keep the path or name as their id.
 */
export function withDraftIds(
  served: RawServedConfiguration,
  draftResources: RawResource[],
  draftAuthorizers: RawAuthorizer[],
): RawServedConfiguration {
  const resourceIds = new Map(draftResources.map((r) => [r.path, r.id]));
  const authorizerIds = new Map(draftAuthorizers.filter((a) => a.name).map((a) => [a.name as string, a.id]));
  const resourceId = (path: string) => resourceIds.get(path) ?? path;
  const authorizerId = (name: string | undefined) => (name === undefined ? undefined : (authorizerIds.get(name) ?? name));
  return {
    ...served,
    resources: served.resources.map((r) => {
      const resource: RawResource = { ...r, id: resourceId(r.path) };
      if (r.parentId !== undefined) resource.parentId = resourceId(r.parentId);
      if (r.resourceMethods) {
        resource.resourceMethods = Object.fromEntries(
          Object.entries(r.resourceMethods).map(([verb, m]) => {
            const method: RawMethod = { ...m };
            // The OpenAPI reader builds its status-code maps on `{}`: rebuilt so the served side is as compact as the
            // draft's (status-code-map.ts).
            if (m.methodResponses) method.methodResponses = asStatusCodeMap(m.methodResponses);
            const integration = m.methodIntegration;
            if (integration?.integrationResponses)
              method.methodIntegration = { ...integration, integrationResponses: asStatusCodeMap(integration.integrationResponses) };
            const id = authorizerId(m.authorizerId);
            if (id !== undefined) method.authorizerId = id;
            return [verb, method];
          }),
        );
      }
      return resource;
    }),
    authorizers: served.authorizers.map((a) => ({ ...a, id: authorizerId(a.name) ?? a.id })),
  };
}

function withoutAuthorizerId(method: RawMethod): RawMethod {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(method)) if (key !== "authorizerId") out[key] = value;
  return out as RawMethod;
}

/**
 * A deployment known only by its API summary (authorization type and API key per method): the methods it serves are
 * the summary's, everything else about them is the draft's, and the authorizers, gateway responses, binary media
 * types and policy are the draft's. Each borrowed part is named so the user sees the evaluation is partial.
 */
export function servedFromSummary(
  deployment: RawDeployment,
  draft: { restApi: RawRestApi; resources?: RawResource[]; authorizers?: RawAuthorizer[]; gatewayResponses?: RawGatewayResponse[] },
): RawServedConfiguration {
  const byPath = new Map((draft.resources ?? []).map((r) => [r.path, r]));
  const resources = new Map<string, RawResource>();
  const ensure = (path: string): RawResource => {
    let resource = resources.get(path);
    if (resource) return resource;
    const draftResource = byPath.get(path);
    const parentPath = path === "/" ? undefined : path.slice(0, path.lastIndexOf("/")) || "/";
    const parent = parentPath ? ensure(parentPath) : undefined;
    resource = { id: draftResource?.id ?? path, path, pathPart: path.slice(path.lastIndexOf("/") + 1) };
    if (parent) resource.parentId = parent.id;
    resources.set(path, resource);
    return resource;
  };
  ensure("/");
  for (const [path, verbs] of Object.entries(deployment.apiSummary ?? {})) {
    if (!path.startsWith("/")) continue;
    const resource = ensure(path);
    for (const [verb, summary] of Object.entries(verbs)) {
      const draftMethod = byPath.get(path)?.resourceMethods?.[verb];
      let method: RawMethod = { ...(draftMethod ?? { httpMethod: verb }) };
      if (summary.authorizationType !== undefined) method.authorizationType = summary.authorizationType;
      if (summary.apiKeyRequired !== undefined) method.apiKeyRequired = summary.apiKeyRequired;
      // Left out by a copy, not `delete` (which would leave the method a slow dictionary for the audit core).
      if (method.authorizerId !== undefined && method.authorizationType !== "CUSTOM" && method.authorizationType !== "COGNITO_USER_POOLS")
        method = withoutAuthorizerId(method);
      resource.resourceMethods = { ...(resource.resourceMethods ?? {}), [verb]: method };
    }
  }
  const served: RawServedConfiguration = {
    source: "apisummary",
    resources: [...resources.values()],
    authorizers: draft.authorizers ?? [],
    gatewayResponses: draft.gatewayResponses ?? [],
    filledFromDraft: ["integrations and responses", "authorizers", "gateway responses", "binary media types", "resource policy"],
  };
  if (draft.restApi.apiKeySource) served.apiKeySource = draft.restApi.apiKeySource;
  if (draft.restApi.binaryMediaTypes) served.binaryMediaTypes = draft.restApi.binaryMediaTypes;
  if (draft.restApi.policy) served.policy = draft.restApi.policy;
  return served;
}
