import "server-only";
import {
  APIGatewayClient,
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetDeploymentCommand,
  GetDomainNamesCommand,
  GetGatewayResponsesCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStagesCommand,
  type Authorizer,
  type BasePathMapping,
  type Deployment,
  type DomainName,
  type GatewayResponse,
  type Method,
  type Resource,
  type RestApi,
  type Stage,
} from "@aws-sdk/client-api-gateway";
import type { Connection } from "@/lib/aws/connections/connection";
import type { AccountLimiter, ReadPriority } from "@/lib/aws/rate/account-limiter";
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/aws/retry/backoff";
import { isRetryableAwsError, mapAwsError, retryAfterMs, type ErrorContext } from "@/lib/aws/errors/map-aws-error";
import type { CallStats } from "@/lib/aws/client/call-stats";
import type { Page } from "@/lib/aws/client/paginate";

/** The narrow surface of API Gateway that Preflight uses: read-only GETs, nothing else. */
export interface ApiGatewayPort {
  readonly region: string;
  getRestApis(position: string | undefined, limit: number): Promise<Page<RestApi>>;
  getRestApi(restApiId: string): Promise<RestApi>;
  /** `embed` defaults to true; false only for the benchmark's per-method baseline. */
  getResources(restApiId: string, position: string | undefined, limit: number, embed?: boolean): Promise<Page<Resource>>;
  getAuthorizers(restApiId: string, position: string | undefined, limit: number): Promise<Page<Authorizer>>;
  getStages(restApiId: string): Promise<Stage[]>;
  getGatewayResponses(restApiId: string, position: string | undefined, limit: number): Promise<Page<GatewayResponse>>;
  getDeployment(restApiId: string, deploymentId: string): Promise<Deployment>;
  /** Only for the benchmark's per-method baseline; the reader never calls it. */
  getMethod(restApiId: string, resourceId: string, httpMethod: string): Promise<Method>;
  /** The account's custom domain names in the region: only the live probe reads them, to know where a stage is served. */
  getDomainNames(position: string | undefined, limit: number): Promise<Page<DomainName>>;
  getBasePathMappings(domainName: string, position: string | undefined, limit: number): Promise<Page<BasePathMapping>>;
}

export interface PortOptions {
  region: string;
  limiter: AccountLimiter;
  priority?: ReadPriority;
  stats: CallStats;
  retry?: RetryPolicy;
  /** Per-attempt socket timeouts. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createApiGatewayPort(connection: Connection, options: PortOptions): ApiGatewayPort {
  const client = new APIGatewayClient({
    region: options.region,
    credentials: connection.credentials,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    // One attempt per send: our own loop retries, so every attempt passes the account limiter and is counted.
    maxAttempts: 1,
    // throwOnRequestTimeout: without it the SDK only logs a warning and keeps waiting.
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      requestTimeout: options.requestTimeoutMs ?? 20_000,
      throwOnRequestTimeout: true,
    },
  });
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? defaultSleep;

  async function call<T>(operation: string, ctx: Omit<ErrorContext, "operation">, send: () => Promise<T>): Promise<T> {
    options.stats.recordCall(operation);
    for (let attempt = 1; ; attempt++) {
      await options.limiter.acquire(operation, options.priority);
      try {
        return await send();
      } catch (error) {
        if (attempt < policy.maxAttempts && isRetryableAwsError(error)) {
          options.stats.recordRetry();
          await sleep(backoffDelay(attempt, policy, retryAfterMs(error)));
          continue;
        }
        throw mapAwsError(error, {
          ...ctx,
          operation,
          region: options.region,
          attempts: attempt,
          customEndpoint: connection.customEndpoint,
          connectionLabel: connection.label,
          ...(connection.profile ? { profile: connection.profile.name, profileKind: connection.profile.kind } : {}),
        });
      }
    }
  }

  return {
    region: options.region,
    getRestApis: (position, limit) =>
      call("GetRestApis", {}, () => client.send(new GetRestApisCommand({ position, limit }))).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getRestApi: (restApiId) => call("GetRestApi", { restApiId }, () => client.send(new GetRestApiCommand({ restApiId }))),
    // embed=methods returns every Method (integration and responses included) with its resource, so an
    // API costs ⌈resources/500⌉ calls instead of one GetMethod per method:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
    getResources: (restApiId, position, limit, embed = true) =>
      call("GetResources", { restApiId }, () =>
        client.send(new GetResourcesCommand({ restApiId, position, limit, ...(embed ? { embed: ["methods"] } : {}) })),
      ).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getAuthorizers: (restApiId, position, limit) =>
      call("GetAuthorizers", { restApiId }, () => client.send(new GetAuthorizersCommand({ restApiId, position, limit }))).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getStages: (restApiId) =>
      call("GetStages", { restApiId }, () => client.send(new GetStagesCommand({ restApiId }))).then((r) => r.item ?? []),
    getGatewayResponses: (restApiId, position, limit) =>
      call("GetGatewayResponses", { restApiId }, () => client.send(new GetGatewayResponsesCommand({ restApiId, position, limit }))).then(
        (r) => ({
          items: r.items ?? [],
          ...(r.position ? { position: r.position } : {}),
        }),
      ),
    // embed=apisummary adds path → verb → {authorizationType, apiKeyRequired} of what the stage serves:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html
    getDeployment: (restApiId, deploymentId) =>
      call("GetDeployment", { restApiId, deploymentId }, () =>
        client.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ["apisummary"] })),
      ),
    getMethod: (restApiId, resourceId, httpMethod) =>
      call("GetMethod", { restApiId }, () => client.send(new GetMethodCommand({ restApiId, resourceId, httpMethod }))),
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetDomainNames.html and API_GetBasePathMappings.html
    getDomainNames: (position, limit) =>
      call("GetDomainNames", {}, () => client.send(new GetDomainNamesCommand({ position, limit }))).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getBasePathMappings: (domainName, position, limit) =>
      call("GetBasePathMappings", {}, () => client.send(new GetBasePathMappingsCommand({ domainName, position, limit }))).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
  };
}
