import type { AddressInfo } from "node:net";
import { Faults } from "./faults";
import { Quotas } from "./quotas";
import { RequestLog } from "./request-log";
import { seedDefault } from "./seeds";
import { createEmulatorServer } from "./server/server";
import { DEFAULT_REGION, EmulatorStore } from "./store";
import { SEEDED_ROLES, type EmulatorRole } from "./sts/roles";
import { StsState } from "./sts/sessions";

/**
 * Preflight's local API Gateway: the management API the real SDK/CLI talk to, plus the data plane.
 * Behaviour and sources: lib/emulator/SPEC.md.
 */
export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Load the default seeds: storefront, healthy, proxy, lambda-proxy and files (default true). */
  seed?: boolean;
  /** Page size when a request has no `limit` (AWS: 25). */
  defaultPageSize?: number;
  /** Added to every control-plane call. */
  latencyMs?: number;
  /** Enforce AWS's management-API quotas (default false). */
  quotas?: boolean;
  /** Region used when a request's Authorization header has no credential scope. */
  defaultRegion?: string;
  /** Roles with a required external id or a session cap (default: the seeded PreflightAudit role). */
  roles?: readonly EmulatorRole[];
}

export interface Emulator {
  url: string;
  port: number;
  store: EmulatorStore;
  requestLog: RequestLog;
  faults: Faults;
  /** Wipes state, log, faults, quota buckets and issued STS credentials, then reseeds (if seeding is on). */
  reset(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const defaultPageSize = options.defaultPageSize ?? 25;
  if (!Number.isInteger(defaultPageSize) || defaultPageSize < 1 || defaultPageSize > 500) {
    throw new Error(`defaultPageSize must be an integer between 1 and 500, got ${defaultPageSize}`);
  }
  const store = new EmulatorStore();
  const requestLog = new RequestLog();
  const faults = new Faults();
  const quotas = options.quotas ? new Quotas() : undefined;
  const seed = options.seed ?? true;
  const sts = new StsState(options.roles ?? SEEDED_ROLES);
  const reset = () => {
    store.reset();
    sts.clear();
    requestLog.clear();
    faults.clear();
    quotas?.reset();
    if (seed) seedDefault(store);
  };
  if (seed) seedDefault(store);

  const server = createEmulatorServer({
    store,
    requestLog,
    faults,
    quotas,
    reset,
    defaultPageSize,
    sts,
    latencyMs: options.latencyMs ?? 0,
    defaultRegion: options.defaultRegion ?? DEFAULT_REGION,
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    requestLog,
    faults,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export { EmulatorStore, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "./store";
export { RequestLog, type RequestLogEntry } from "./request-log";
export { Faults, type FaultSpec, type FaultKind } from "./faults";
export { SEEDED_ROLES, PREFLIGHT_AUDIT_ROLE_ARN, PREFLIGHT_AUDIT_EXTERNAL_ID, type EmulatorRole } from "./sts/roles";
export { ACCESS_KEY_ACCOUNTS, SECOND_ACCOUNT_ID, DENIED_ACCOUNT_ID } from "./credentials";
export { createDataPlaneContext } from "./data-plane-context";
export { onStageCacheFlush } from "./stage-cache-events";
export * from "./seeds";
