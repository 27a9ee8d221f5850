import "server-only";
import {
  APIGatewayClient,
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetDeploymentCommand,
  GetDomainNamesCommand,
  GetExportCommand,
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
  /** The stage's deployed snapshot as OpenAPI 3 JSON with the apigateway extensions (GetExport), as text. */
  getExport(restApiId: string, stageName: string): Promise<string>;
  /** Only for the benchmark's per-method baseline; the reader never calls it. */
  getMethod(restApiId: string, resourceId: string, httpMethod: string): Promise<Method>;
  /** The account's custom domain names in the region: only the live probe reads them, to know where a stage is served. */
  getDomainNames(position: string | undefined, limit: number): Promise<Page<DomainName>>;
  getBasePathMappings(domainName: string, position: string | undefined, limit: number): Promise<Page<BasePathMapping>>;
}

export interface PortOptions {
  region: string;
  limiter: AccountLimiter;
  /** A function when the priority can change mid-read (a person opens the API a background read is counting). */
  priority?: ReadPriority | (() => ReadPriority);
  stats: CallStats;
  retry?: RetryPolicy;
  /** Per-attempt socket timeouts. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * Whole-attempt deadline (default 30 s). The socket timeouts above are inactivity timers: a proxy that drips a body a
   * few bytes a second never trips them, so each attempt is also aborted after this long, whatever arrives.
   */
  callTimeoutMs?: number;
  /** Date.now() after which no call starts or continues (the audit's own deadline); unlimited when absent. */
  deadlineAt?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Aborting stops the read: queued calls leave the limiter, sent ones are cancelled, no retry follows. */
  signal?: AbortSignal;
}

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/** Thrown (then mapped to network:timeout) when an attempt or the whole read runs out of time. */
export class DeadlineError extends Error {
  readonly timeoutMs: number;
  readonly scope: "call" | "audit";
  constructor(scope: "call" | "audit", timeoutMs: number) {
    super(
      scope === "call"
        ? `no complete answer within ${Math.round(timeoutMs / 1000)} s`
        : "the audit's time limit was reached before this call could finish",
    );
    this.name = "DeadlineError";
    this.scope = scope;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Runs one attempt with an abort signal that fires after `timeoutMs`: the SDK closes the socket, and the race makes
 * sure the caller is answered even if some layer ignored the signal (a body being collected, a stuck parser).
 */
export async function withDeadline<T>(
  timeoutMs: number,
  scope: "call" | "audit",
  attempt: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  // The caller going away (outer) cancels the attempt as the deadline does.
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        const error = new DeadlineError(scope, timeoutMs);
        controller.abort(error);
        reject(error);
      },
      Math.max(0, timeoutMs),
    );
  });
  const running = attempt(controller.signal);
  // The losing side of the race must not surface as an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuterAbort);
  }
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
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const remaining = () => (options.deadlineAt === undefined ? Number.POSITIVE_INFINITY : options.deadlineAt - Date.now());

  async function call<T>(operation: string, ctx: Omit<ErrorContext, "operation">, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = options.signal;
    signal?.throwIfAborted();
    options.stats.recordCall(operation);
    for (let attempt = 1; ; attempt++) {
      try {
        if (remaining() <= 0) throw new DeadlineError("audit", 0);
        const priority = typeof options.priority === "function" ? options.priority() : options.priority;
        await options.limiter.acquire(operation, priority, signal);
        const left = remaining();
        if (left <= 0) throw new DeadlineError("audit", 0);
        const budget = Math.min(callTimeoutMs, left);
        return await withDeadline(budget, budget < callTimeoutMs ? "audit" : "call", send, signal);
      } catch (error) {
        // Nobody waits for this read any more: stop without retrying or mapping (the caller expects its own reason).
        if (signal?.aborted) throw signal.reason;
        const retryable = isRetryableAwsError(error) || (error instanceof DeadlineError && error.scope === "call");
        if (attempt < policy.maxAttempts && retryable) {
          const delay = backoffDelay(attempt, policy, retryAfterMs(error));
          // No retry that would start after the audit's deadline: the caller gets the error now.
          if (delay < remaining()) {
            options.stats.recordRetry();
            await sleep(delay);
            continue;
          }
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
      call("GetRestApis", {}, (abortSignal) => client.send(new GetRestApisCommand({ position, limit }), { abortSignal })).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getRestApi: (restApiId) =>
      call("GetRestApi", { restApiId }, (abortSignal) => client.send(new GetRestApiCommand({ restApiId }), { abortSignal })),
    // embed=methods returns every Method (integration and responses included) with its resource, so an
    // API costs ⌈resources/500⌉ calls instead of one GetMethod per method:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
    getResources: (restApiId, position, limit, embed = true) =>
      call("GetResources", { restApiId }, (abortSignal) =>
        client.send(new GetResourcesCommand({ restApiId, position, limit, ...(embed ? { embed: ["methods"] } : {}) }), { abortSignal }),
      ).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getAuthorizers: (restApiId, position, limit) =>
      call("GetAuthorizers", { restApiId }, (abortSignal) =>
        client.send(new GetAuthorizersCommand({ restApiId, position, limit }), { abortSignal }),
      ).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    getStages: (restApiId) =>
      call("GetStages", { restApiId }, (abortSignal) => client.send(new GetStagesCommand({ restApiId }), { abortSignal })).then(
        (r) => r.item ?? [],
      ),
    getGatewayResponses: (restApiId, position, limit) =>
      call("GetGatewayResponses", { restApiId }, (abortSignal) =>
        client.send(new GetGatewayResponsesCommand({ restApiId, position, limit }), { abortSignal }),
      ).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
    // embed=apisummary adds path → verb → {authorizationType, apiKeyRequired} of what the stage serves:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html
    getDeployment: (restApiId, deploymentId) =>
      call("GetDeployment", { restApiId, deploymentId }, (abortSignal) =>
        client.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ["apisummary"] }), { abortSignal }),
      ),
    getMethod: (restApiId, resourceId, httpMethod) =>
      call("GetMethod", { restApiId }, (abortSignal) =>
        client.send(new GetMethodCommand({ restApiId, resourceId, httpMethod }), { abortSignal }),
      ),
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GetDomainNames.html and API_GetBasePathMappings.html
    getDomainNames: (position, limit) =>
      call("GetDomainNames", {}, (abortSignal) => client.send(new GetDomainNamesCommand({ position, limit }), { abortSignal })).then(
        (r) => ({
          items: r.items ?? [],
          ...(r.position ? { position: r.position } : {}),
        }),
      ),
    // "Exports a deployed version of a RestApi": the deployment the stage serves, not the draft. extensions=apigateway
    // adds the integration, authorizer and request-validator extensions
    // (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html,
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html).
    getExport: (restApiId, stageName) =>
      call("GetExport", { restApiId }, (abortSignal) =>
        client.send(
          new GetExportCommand({
            restApiId,
            stageName,
            exportType: "oas30",
            accepts: "application/json",
            parameters: { extensions: "apigateway" },
          }),
          { abortSignal },
        ),
      ).then((r) => (r.body ? new TextDecoder().decode(r.body) : "")),
    getBasePathMappings: (domainName, position, limit) =>
      call("GetBasePathMappings", {}, (abortSignal) =>
        client.send(new GetBasePathMappingsCommand({ domainName, position, limit }), { abortSignal }),
      ).then((r) => ({
        items: r.items ?? [],
        ...(r.position ? { position: r.position } : {}),
      })),
  };
}
