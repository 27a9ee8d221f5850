import "server-only";
import type { ProbeReport } from "@/lib/probe/types";

/**
 * The last live probe of each API run from this server, kept in this process's memory for an hour (at most 50 APIs),
 * so the audit page's exports and Share include it. Test identities are never part of a ProbeReport. With several
 * app instances, the probe is seen by the instance that ran it (as template uploads are).
 */
const KEEP_MS = 60 * 60 * 1000;
const MAX_KEPT = 50;
type Kept = Map<string, { probe: ProbeReport; at: number }>;
// On globalThis, like the template audit cache: Next may load this module once per route bundle (pages, actions,
// route handlers) in one process, and the page, its exports and Share must see the probe the action ran.
const GLOBAL_KEY = Symbol.for("preflight.probe-store");
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: Kept };
const kept: Kept = (holder[GLOBAL_KEY] ??= new Map());

const keyOf = (connection: string, region: string, apiId: string) => JSON.stringify([connection, region, apiId]);

/** The last probe of this API run from this server within the hour, if any. */
export function recentProbe(connection: string, region: string, apiId: string, now = Date.now()): ProbeReport | undefined {
  const entry = kept.get(keyOf(connection, region, apiId));
  if (!entry) return undefined;
  if (now - entry.at > KEEP_MS) {
    kept.delete(keyOf(connection, region, apiId));
    return undefined;
  }
  return entry.probe;
}

export function keepProbe(connection: string, region: string, apiId: string, probe: ProbeReport): void {
  const key = keyOf(connection, region, apiId);
  kept.delete(key);
  kept.set(key, { probe, at: Date.now() });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}
