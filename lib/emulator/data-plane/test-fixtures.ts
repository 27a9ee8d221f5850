import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  AccountState,
  ApiKeyState,
  AuthorizerWire,
  GatewayResponseWire,
  IntegrationWire,
  MethodSettingWire,
  MethodWire,
  ResourceWire,
  RestApiState,
  StageWire,
} from "../state";
import type { DataPlaneContext } from "./context";
import { handleDataPlaneRequest } from "./handler";

/** Small builders for hand-made emulator state, so data-plane tests read like the API they describe. */

let counter = 0;
const nextId = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(6, "0")}`;

export const ACCOUNT_ID = "123456789012";
export const REGION = "us-east-1";

export function mockIntegration(
  statusCode = 200,
  responses: IntegrationWire["integrationResponses"] = { [String(statusCode)]: { statusCode: String(statusCode) } },
): IntegrationWire {
  return {
    type: "MOCK",
    requestTemplates: { "application/json": `{"statusCode": ${statusCode}}` },
    timeoutInMillis: 29000,
    cacheKeyParameters: [],
    integrationResponses: responses,
  };
}

export function method(httpMethod: string, overrides: Partial<MethodWire> = {}): MethodWire {
  return {
    httpMethod,
    authorizationType: "NONE",
    apiKeyRequired: false,
    methodResponses: { "200": { statusCode: "200" } },
    methodIntegration: mockIntegration(),
    ...overrides,
  };
}

/** The console's "Enable CORS" OPTIONS method: MOCK + static Access-Control-* header mappings. */
export function corsPreflightMethod(overrides: Partial<MethodWire> = {}): MethodWire {
  const headers = {
    "method.response.header.Access-Control-Allow-Origin": "'*'",
    "method.response.header.Access-Control-Allow-Methods": "'GET,POST,OPTIONS'",
    "method.response.header.Access-Control-Allow-Headers": "'Content-Type,Authorization,X-Api-Key'",
  };
  return method("OPTIONS", {
    methodResponses: { "200": { statusCode: "200", responseParameters: Object.fromEntries(Object.keys(headers).map((k) => [k, false])) } },
    methodIntegration: mockIntegration(200, {
      "200": { statusCode: "200", responseParameters: headers, responseTemplates: { "application/json": "" } },
    }),
    ...overrides,
  });
}

export function tokenAuthorizer(authorizerUri: string, overrides: Partial<AuthorizerWire> = {}): AuthorizerWire {
  return {
    id: nextId("au"),
    name: "token",
    type: "TOKEN",
    authorizerUri,
    identitySource: "method.request.header.Authorization",
    ...overrides,
  };
}

export interface FixtureApi {
  account: AccountState;
  api: RestApiState;
  apiKeys: ApiKeyState[];
  /** Adds or replaces a resource in the draft (creating missing parents is not needed by the data plane). */
  putResource(path: string, methods: Record<string, MethodWire>): ResourceWire;
  putAuthorizer(authorizer: AuthorizerWire): AuthorizerWire;
  putGatewayResponse(response: Omit<GatewayResponseWire, "defaultResponse">): void;
  /** CreateDeployment + point the stage at it: freezes a copy of the current draft. */
  deploy(stageName?: string, variables?: Record<string, string>): StageWire;
}

export function createFixtureApi(apiKeySource: "HEADER" | "AUTHORIZER" = "HEADER"): FixtureApi {
  const apiId = nextId("api");
  const rootId = nextId("r");
  const api: RestApiState = {
    api: { id: apiId, name: "fixture", createdDate: 0, rootResourceId: rootId, apiKeySource },
    resources: new Map([[rootId, { id: rootId, path: "/" }]]),
    authorizers: new Map(),
    deployments: new Map(),
    stages: new Map(),
    gatewayResponses: new Map(),
  };
  const account: AccountState = {
    accountId: ACCOUNT_ID,
    regions: new Map([[REGION, { restApis: new Map([[apiId, api]]), apiKeys: new Map(), domainNames: new Map() }]]),
  };
  const fixture: FixtureApi = {
    account,
    api,
    apiKeys: [],
    putResource(path, methods) {
      const existing = [...api.resources.values()].find((r) => r.path === path);
      const resource: ResourceWire = { id: existing?.id ?? nextId("r"), path, pathPart: path.split("/").at(-1), resourceMethods: methods };
      api.resources.set(resource.id, resource);
      return resource;
    },
    putAuthorizer(authorizer) {
      api.authorizers.set(authorizer.id, authorizer);
      return authorizer;
    },
    putGatewayResponse(response) {
      api.gatewayResponses.set(response.responseType, { ...response, defaultResponse: false });
    },
    deploy(stageName = "prod", variables) {
      const id = nextId("d");
      api.deployments.set(id, {
        wire: { id, createdDate: 0 },
        snapshot: structuredClone({
          resources: [...api.resources.values()],
          authorizers: [...api.authorizers.values()],
          gatewayResponses: [...api.gatewayResponses.values()],
          apiKeySource: api.api.apiKeySource ?? "HEADER",
          ...(api.api.binaryMediaTypes ? { binaryMediaTypes: api.api.binaryMediaTypes } : {}),
          ...(api.api.policy ? { policy: api.api.policy } : {}),
        }),
      });
      const stage: StageWire = {
        stageName,
        deploymentId: id,
        createdDate: 0,
        lastUpdatedDate: 0,
        cacheClusterEnabled: false,
        methodSettings: {},
        tracingEnabled: false,
        variables,
      };
      api.stages.set(stageName, stage);
      return stage;
    },
  };
  return fixture;
}

export interface FixtureClock {
  now: number;
  advanceSeconds(seconds: number): void;
}

export function contextFor(fixture: FixtureApi, clock?: FixtureClock): DataPlaneContext {
  return {
    findDeployedStage(apiId, stageName) {
      if (apiId !== fixture.api.api.id) return undefined;
      const stage = fixture.api.stages.get(stageName);
      const deployment = stage && fixture.api.deployments.get(stage.deploymentId);
      if (!stage || !deployment) return undefined;
      return { account: fixture.account, region: REGION, api: fixture.api, stage, deployment };
    },
    apiKeys: () => fixture.apiKeys,
    now: clock ? () => clock.now : undefined,
  };
}

export function createClock(start = 1_700_000_000_000): FixtureClock {
  const clock = { now: start, advanceSeconds: (seconds: number) => void (clock.now += seconds * 1000) };
  return clock;
}

export interface RunningDataPlane {
  /** Invoke URL prefix of a stage: `${base}/restapis/{apiId}/{stage}/_user_request_`. */
  stageUrl(stageName?: string): string;
  close(): Promise<void>;
}

/** An HTTP server whose only route is the data plane, as the emulator mounts it. */
export async function startDataPlane(fixture: FixtureApi, ctx: DataPlaneContext = contextFor(fixture)): Promise<RunningDataPlane> {
  const server: Server = createServer((req, res) => void handleDataPlaneRequest(req, res, ctx));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    stageUrl: (stageName = "prod") => `http://127.0.0.1:${port}/restapis/${fixture.api.api.id}/${stageName}/_user_request_`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A stage method setting with caching on (AWS's defaults otherwise). */
export function cachingSetting(overrides: Partial<MethodSettingWire> = {}): MethodSettingWire {
  return {
    metricsEnabled: false,
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000,
    cachingEnabled: true,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
    ...overrides,
  };
}
