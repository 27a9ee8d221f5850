/**
 * Expired audits are already invisible (every read filters on expires_at); this deletes their rows on a schedule so a
 * long-running deployment does not keep them forever. The timer is unref'd: it never holds a process open.
 */
import type { AuditStore } from "@/lib/share/audit-store";

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface PurgeSchedule {
  stop(): void;
}

/** Purges now and then every `intervalMs`; a failed purge is reported to `onError` and retried next time. */
export function schedulePurge(
  store: Pick<AuditStore, "purgeExpired" | "readOnly">,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): PurgeSchedule {
  if (store.readOnly) return { stop: () => undefined };
  const onError = options.onError ?? ((error: unknown) => console.error("Preflight: purging expired audits failed:", error));
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    store
      .purgeExpired()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? PURGE_INTERVAL_MS);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
