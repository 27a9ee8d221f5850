import { badRequest, conflict } from "../errors";
import { epochSeconds } from "../ids";
import type { Scope } from "../store";
import type { RestApiState, RestApiWire } from "../state";
import { requireApi } from "./lookup";
import { applyPatch, type PatchOperation } from "./patch";
import { oneOf, optBool, optInt, optString, optStringList, optStringMap, reqString } from "./validate";

/**
 * REST API CRUD. https://docs.aws.amazon.com/apigateway/latest/api/API_CreateRestApi.html
 */
export interface CreateRestApiInput {
  name?: unknown;
  description?: unknown;
  version?: unknown;
  apiKeySource?: unknown;
  endpointConfiguration?: unknown;
  binaryMediaTypes?: unknown;
  minimumCompressionSize?: unknown;
  policy?: unknown;
  tags?: unknown;
  disableExecuteApiEndpoint?: unknown;
}

const ENDPOINT_TYPES = ["EDGE", "REGIONAL", "PRIVATE"] as const;
const API_KEY_SOURCES = ["HEADER", "AUTHORIZER"] as const;

/** `id` is for seeds only (stable ids); clients always get a generated one. */
export function createRestApi(scope: Scope, input: CreateRestApiInput, id?: string): RestApiWire {
  const name = reqString(input.name, "name");
  const restApiId = id ?? scope.store.newId(scope.state.restApis);
  if (scope.state.restApis.has(restApiId)) throw conflict(`REST API ${restApiId} already exists`);
  const rootResourceId = scope.store.newId({ has: () => false });
  const wire: RestApiWire = {
    id: restApiId,
    name,
    description: optString(input.description, "description"),
    createdDate: epochSeconds(scope.store.now()),
    version: optString(input.version, "version"),
    apiKeySource: oneOf(optString(input.apiKeySource, "apiKeySource"), API_KEY_SOURCES, "apiKeySource") ?? "HEADER",
    endpointConfiguration: { types: readEndpointTypes(input.endpointConfiguration) },
    disableExecuteApiEndpoint: optBool(input.disableExecuteApiEndpoint, "disableExecuteApiEndpoint") ?? false,
    rootResourceId,
    tags: optStringMap(input.tags, "tags"),
    binaryMediaTypes: optStringList(input.binaryMediaTypes, "binaryMediaTypes"),
    minimumCompressionSize: optInt(input.minimumCompressionSize, "minimumCompressionSize"),
    policy: optString(input.policy, "policy"),
  };
  const state: RestApiState = {
    api: wire,
    resources: new Map([[rootResourceId, { id: rootResourceId, path: "/" }]]),
    authorizers: new Map(),
    deployments: new Map(),
    stages: new Map(),
    gatewayResponses: new Map(),
  };
  scope.state.restApis.set(restApiId, state);
  return wire;
}

function readEndpointTypes(value: unknown): ("EDGE" | "REGIONAL" | "PRIVATE")[] {
  if (value === undefined || value === null) return ["EDGE"];
  const types = optStringList((value as { types?: unknown }).types, "endpointConfiguration.types") ?? ["EDGE"];
  if (types.length !== 1) throw badRequest("endpointConfiguration.types must contain exactly one endpoint type");
  return types.map((type) => oneOf(type, ENDPOINT_TYPES, "endpoint type") as "EDGE" | "REGIONAL" | "PRIVATE");
}

export function getRestApis(scope: Scope): RestApiWire[] {
  return [...scope.state.restApis.values()].map((api) => api.api);
}

export function getRestApi(scope: Scope, restApiId: string): RestApiWire {
  return requireApi(scope, restApiId).api;
}

export function deleteRestApi(scope: Scope, restApiId: string): void {
  requireApi(scope, restApiId);
  scope.state.restApis.delete(restApiId);
}

export function updateRestApi(scope: Scope, restApiId: string, operations: PatchOperation[]): RestApiWire {
  const api = requireApi(scope, restApiId);
  const draft = { ...api.api } as unknown as Record<string, unknown>;
  applyPatch(draft, operations, {
    name: { kind: "string" },
    description: { kind: "string", removable: true },
    version: { kind: "string", removable: true },
    apiKeySource: { kind: "string", allowed: API_KEY_SOURCES },
    policy: { kind: "string", removable: true },
    disableExecuteApiEndpoint: { kind: "boolean" },
    minimumCompressionSize: { kind: "integer", min: -1, max: 10485760 },
    binaryMediaTypes: { kind: "stringSet" },
  });
  api.api = draft as unknown as RestApiWire;
  return api.api;
}
