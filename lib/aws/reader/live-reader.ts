import "server-only";
import { createApiGatewayPort, type ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { CallStats } from "@/lib/aws/client/call-stats";
import type { Connection } from "@/lib/aws/connections/connection";
import { InvalidRegionError } from "@/lib/aws/errors/aws-errors";
import { limiterForAccount, type AccountLimiter, type ReadPriority } from "@/lib/aws/rate/account-limiter";
import type { RetryPolicy } from "@/lib/aws/retry/backoff";
import { COMMERCIAL_REGIONS, findRegion, isRegionShaped } from "@/lib/aws/regions/commercial-regions";
import { readApi, type ReadApiResult } from "@/lib/aws/reader/read-api";
import { listAcrossRegions, streamRegionListings, type RegionListing } from "@/lib/aws/reader/list-apis";

export interface LiveOptions {
  stats?: CallStats;
  /** Defaults to the process-wide limiter of the connection's account. */
  limiter?: AccountLimiter;
  /** Background reads yield the account's quota to interactive ones (default interactive). */
  priority?: ReadPriority | (() => ReadPriority);
  retry?: RetryPolicy;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Whole-attempt deadline per call (default 30 s; see PortOptions.callTimeoutMs). */
  callTimeoutMs?: number;
  /**
   * Time limit of one API's read (default 120 s): past it no call starts and running ones are aborted, and what was
   * not read is listed as missing (a partial audit) or, for GetRestApi, a network:timeout error.
   */
  auditTimeoutMs?: number;
  pageSize?: number;
  /** Stops the read when nobody waits for it any more (a background count whose page was closed). */
  signal?: AbortSignal;
}

export const DEFAULT_AUDIT_TIMEOUT_MS = 120_000;

/** Checks a region code before any call: AWS regions must be known or region-shaped; custom endpoints accept any simple code. */
export function checkRegion(region: string, connection: Connection): InvalidRegionError | undefined {
  const ok = findRegion(region) !== undefined || isRegionShaped(region) || (connection.customEndpoint && /^[a-z0-9-]{1,32}$/.test(region));
  if (ok) return undefined;
  return new InvalidRegionError(
    "region:invalid",
    `"${region}" is not an AWS region.`,
    `Use a region code such as us-east-1; known: ${COMMERCIAL_REGIONS.map((r) => r.code).join(", ")}.`,
    {
      operation: "ValidateRegion",
      region,
    },
  );
}

export function portFor(connection: Connection, region: string, options: LiveOptions = {}, deadlineAt?: number): ApiGatewayPort {
  return createApiGatewayPort(connection, {
    region,
    limiter: options.limiter ?? limiterForAccount(connection.limiterKey),
    stats: options.stats ?? new CallStats(),
    ...(options.priority ? { priority: options.priority } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.connectionTimeoutMs ? { connectionTimeoutMs: options.connectionTimeoutMs } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
    ...(deadlineAt !== undefined ? { deadlineAt } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export interface LiveReadResult {
  result: ReadApiResult;
  stats: CallStats;
}

/** Reads one API of a connection in a region; expected failures come back as values. */
export async function readLiveApi(
  connection: Connection,
  region: string,
  restApiId: string,
  options: LiveOptions & { accountId?: string } = {},
): Promise<LiveReadResult> {
  const stats = options.stats ?? new CallStats();
  const regionError = checkRegion(region, connection);
  if (regionError) return { result: { ok: false, error: regionError }, stats };
  const port = portFor(connection, region, { ...options, stats }, Date.now() + (options.auditTimeoutMs ?? DEFAULT_AUDIT_TIMEOUT_MS));
  const result = await readApi(port, restApiId, {
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.accountId ? { accountId: options.accountId } : {}),
  });
  return { result, stats };
}

function regionPorts(
  connection: Connection,
  regions: readonly string[],
  options: LiveOptions,
): { ports: ApiGatewayPort[]; invalid: RegionListing[] } {
  const ports: ApiGatewayPort[] = [];
  const invalid: RegionListing[] = [];
  const stats = options.stats ?? new CallStats();
  for (const region of regions) {
    const error = checkRegion(region, connection);
    if (error) invalid.push({ region, ok: false, error: { code: error.code, message: error.message, hint: error.hint } });
    else ports.push(portFor(connection, region, { ...options, stats }));
  }
  return { ports, invalid };
}

/** Lists REST APIs in each region (all commercial regions by default); one result per region. */
export async function listLiveApis(
  connection: Connection,
  regions: readonly string[] = COMMERCIAL_REGIONS.map((r) => r.code),
  options: LiveOptions = {},
): Promise<RegionListing[]> {
  const { ports, invalid } = regionPorts(connection, regions, options);
  return [...invalid, ...(await listAcrossRegions(ports, options.pageSize))];
}

/** The same, streamed: each region's answer as soon as it arrives. */
export async function* streamLiveApis(
  connection: Connection,
  regions: readonly string[] = COMMERCIAL_REGIONS.map((r) => r.code),
  options: LiveOptions = {},
): AsyncGenerator<RegionListing> {
  const { ports, invalid } = regionPorts(connection, regions, options);
  yield* invalid;
  yield* streamRegionListings(ports, options.pageSize);
}
