import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit, type RunAuditResult } from "@/lib/aws/audit/run-live-audit";
import type { ReadPriority } from "@/lib/aws/rate/account-limiter";
import type { AuditReport } from "@/lib/audit/types";
import type { AuditCache, AuditCacheKey, CachedCounts } from "@/lib/share/audit-cache";
import { cacheKeyHash } from "@/lib/share/audit-cache";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { DEFAULT_DECODED_LIMITS, DecodedReports, type DecodedReportLimits } from "./decoded-reports";

/**
 * How long one read of an API is served to the page, exports, fix downloads and shares: 5 minutes by
 * default, PREFLIGHT_AUDIT_CACHE_SECONDS to change (1 s to 1 day). Short enough that a fix deployed a
 * moment ago shows after a Refresh, long enough that a page, its exports and a share cost one read.
 */
export const DEFAULT_CACHE_SECONDS = 300;
const MAX_CACHE_SECONDS = 86_400;

export function cacheTtlMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.PREFLIGHT_AUDIT_CACHE_SECONDS?.trim();
  const seconds = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : DEFAULT_CACHE_SECONDS;
  return Math.min(MAX_CACHE_SECONDS, Math.max(1, seconds)) * 1000;
}

export interface CachedReadOptions {
  /** Audit one stage alone (a separate entry). */
  stage?: string;
  /** Read AWS again even if a fresh entry exists (the Refresh button); the new read replaces the entry. */
  refresh?: boolean;
  priority?: ReadPriority;
  /** When every caller waiting for a read has aborted, the read is cancelled. */
  signal?: AbortSignal;
}

export type CachedReadResult = (RunAuditResult & { ok: false }) | { ok: true; report: AuditReport; fromCache: boolean };

/** The cache key of a connection: its id and where its calls go (the demo's emulator port changes per run). */
export function cacheKeyFor(connection: Connection, region: string, apiId: string, stage?: string): AuditCacheKey {
  return {
    connection: `${connection.id}@${connection.endpoint ?? ""}`,
    region,
    apiId,
    ...(stage !== undefined ? { stage } : {}),
  };
}

interface InFlight {
  promise: Promise<CachedReadResult>;
  controller: AbortController;
  /** Callers still waiting; a caller without a signal waits for good. */
  waiting: number;
  /** A forced read: a Refresh never joins a read that may be answered from the old entry. */
  refresh: boolean;
  /** Raised to interactive when a person joins a background read (their page waits on it). */
  priority: ReadPriority;
}

// One read per key per process at a time: a page and its export requested together share it. Across
// instances the store is the meeting point (two instances may each read once in the same instant).
const globalForReads = globalThis as typeof globalThis & { __preflightInFlightReads?: Map<string, InFlight> };
const inFlight = (globalForReads.__preflightInFlightReads ??= new Map<string, InFlight>());

/**
 * The bound of this process's decoded entries: PREFLIGHT_DECODED_REPORTS_MB megabytes of their snapshots' JSON
 * (64 by default, 0 to keep none; the heap they take is a small multiple of that).
 */
export function decodedLimits(env: Readonly<Record<string, string | undefined>> = process.env): DecodedReportLimits {
  const raw = env.PREFLIGHT_DECODED_REPORTS_MB?.trim();
  if (!raw || !/^\d{1,5}$/.test(raw)) return DEFAULT_DECODED_LIMITS;
  return { ...DEFAULT_DECODED_LIMITS, maxChars: Number(raw) * 1024 * 1024 };
}

// Reports this process decoded (or wrote), served again while the store names the same snapshot (decoded-reports.ts).
const globalForDecoded = globalThis as typeof globalThis & { __preflightDecodedReports?: DecodedReports };
export function decodedReports(): DecodedReports {
  return (globalForDecoded.__preflightDecodedReports ??= new DecodedReports(decodedLimits()));
}

/**
 * The fresh entry for the key: the report this process already decoded when the store's stamp names its snapshot
 * (one small query, nothing decoded), else the store's entry, decoded once and kept.
 */
async function cachedEntry(cache: AuditCache, key: AuditCacheKey): Promise<AuditReport | undefined> {
  const id = cacheKeyHash(key);
  const memo = decodedReports();
  const stamp = await cache.stamp(key);
  if (!stamp) {
    memo.remove(id);
    return undefined;
  }
  const kept = memo.get(id, stamp.sha256);
  if (kept) return kept;
  const hit = await cache.get(key);
  if (hit?.stored) memo.set(id, hit.stored.sha256, hit.stored.chars, hit.report);
  return hit?.report;
}

async function openCache(): Promise<AuditCache | undefined> {
  try {
    return (await getAuditStore()).cache;
  } catch {
    // No database (misconfigured, unreachable): audits still work, each request reads AWS.
    return undefined;
  }
}

async function readAndStore(
  connection: Connection,
  key: AuditCacheKey,
  options: CachedReadOptions,
  signal: AbortSignal,
  priority: () => ReadPriority,
): Promise<CachedReadResult> {
  const cache = await openCache();
  if (!options.refresh && cache) {
    const hit = await cachedEntry(cache, key).catch(() => undefined);
    if (hit) return { ok: true, report: hit, fromCache: true };
  }
  const result = await runAudit({
    connection,
    region: key.region,
    restApiId: key.apiId,
    ...(key.stage !== undefined ? { stage: key.stage } : {}),
    live: { priority, signal },
  });
  // A cancelled read may still come back as a partial audit (the reader records failed parts as missing):
  // it must never be cached or served as if the API lacked those parts.
  signal.throwIfAborted();
  if (!result.ok) return result;
  if (!cache) return { ok: true, report: result.report, fromCache: false };
  // Every caller gets the redacted report the cache holds, so a page and its later export show the same thing.
  const stored = await cache.put(key, result.report, cacheTtlMs()).catch(() => undefined);
  // What was written is kept decoded too: the page's cell details and exports that follow decode nothing.
  if (stored?.stored) decodedReports().set(cacheKeyHash(key), stored.stored.sha256, stored.stored.chars, stored.report);
  else decodedReports().remove(cacheKeyHash(key));
  return { ok: true, report: stored?.report ?? result.report, fromCache: false };
}

/**
 * The audit of one API from the cache, or read once and cached. Concurrent callers for the same key share
 * one read; the read is aborted only when every caller that passed a signal has aborted and none waits
 * without one.
 */
export function cachedLiveReport(
  connection: Connection,
  region: string,
  apiId: string,
  options: CachedReadOptions = {},
): Promise<CachedReadResult> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  const key = cacheKeyFor(connection, region, apiId, options.stage);
  const id = cacheKeyHash(key);
  let entry = inFlight.get(id);
  if (!entry || entry.controller.signal.aborted || (options.refresh && !entry.refresh)) {
    const controller = new AbortController();
    const created = {
      controller,
      waiting: 0,
      refresh: options.refresh ?? false,
      priority: options.priority ?? "interactive",
    } as InFlight;
    created.promise = readAndStore(connection, key, options, controller.signal, () => created.priority).finally(() => {
      if (inFlight.get(id) === created) inFlight.delete(id);
    });
    inFlight.set(id, created);
    entry = created;
  }
  const joined = entry;
  joined.waiting += 1;
  if ((options.priority ?? "interactive") === "interactive") joined.priority = "interactive";
  const signal = options.signal;
  if (!signal) return joined.promise;
  return new Promise<CachedReadResult>((resolve, reject) => {
    const onAbort = () => {
      joined.waiting -= 1;
      if (joined.waiting === 0) joined.controller.abort(signal.reason);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    joined.promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Cached finding counts of some APIs of a connection in a region (the home page), without reading AWS. */
export async function cachedCounts(connection: Connection, region: string, apiIds: readonly string[]): Promise<Map<string, CachedCounts>> {
  const cache = await openCache();
  if (!cache) return new Map();
  return cache.counts(cacheKeyFor(connection, region, ""), apiIds).catch(() => new Map<string, CachedCounts>());
}

/** The home page's Refresh: forget a connection's region so its counts are read again. */
export async function forgetRegion(connection: Connection, region: string): Promise<void> {
  const cache = await openCache();
  await cache?.invalidate(cacheKeyFor(connection, region, "")).catch(() => 0);
}
