import { BODY_FAULT_KINDS, type BodyFaultKind } from "./body-faults";

/**
 * Fault injection: make chosen operations fail the way AWS sometimes does, so the reader's error
 * handling (partial reads, retries) is exercised against the real SDK; and answer the way a broken proxy or a
 * future API Gateway version might (lib/emulator/body-faults.ts, and SlowDrip: a body that trickles).
 */
export const FAULT_KINDS = [
  "AccessDenied",
  "Unauthorized",
  "InternalError",
  "Throttle",
  "Drop",
  "Slow",
  "SlowDrip",
  ...BODY_FAULT_KINDS,
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function isBodyFault(kind: FaultKind): kind is BodyFaultKind {
  return (BODY_FAULT_KINDS as readonly string[]).includes(kind);
}

export interface FaultSpec {
  /** Operation name as the SDK calls it (e.g. "GetGatewayResponses"), or "*" for every operation. */
  operation: string;
  kind: FaultKind;
  /** How many requests it applies to; unlimited when absent. */
  times?: number;
  /** Only this account; every account when absent. */
  accountId?: string;
  /** For "Slow": how long to wait before answering (default 3000 ms); for "SlowDrip": between chunks (default 1000 ms). */
  delayMs?: number;
  /** For "SlowDrip": bytes per chunk (default 16). */
  chunkBytes?: number;
  /** For "ManyItems": items in the list (default 10,000). */
  count?: number;
  /** For "HugeStrings": length of each long string (default 1 MiB). */
  sizeBytes?: number;
  /** For "DeepNesting": depth (default 10,000). */
  depth?: number;
}

// Bounds on what a fault may ask the emulator to build, so a typo cannot exhaust its memory.
const LIMITS = { count: 100_000, sizeBytes: 16 * 1024 * 1024, depth: 1_000_000, chunkBytes: 1024 * 1024, delayMs: 600_000, times: 1e9 };

interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

export type FaultSpecResult = { ok: true; spec: FaultSpec } | { ok: false; error: string };

export function parseFaultSpec(value: unknown): FaultSpecResult {
  if (typeof value !== "object" || value === null) return { ok: false, error: "fault must be a JSON object" };
  const raw = value as Record<string, unknown>;
  if (typeof raw.operation !== "string" || raw.operation === "") return { ok: false, error: "operation must be a non-empty string" };
  if (typeof raw.kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(raw.kind)) {
    return { ok: false, error: `kind must be one of ${FAULT_KINDS.join(", ")}` };
  }
  for (const field of ["times", "delayMs", "chunkBytes", "count", "sizeBytes", "depth"] as const) {
    const number = raw[field];
    if (number !== undefined && (typeof number !== "number" || !Number.isInteger(number) || number < 0 || number > LIMITS[field])) {
      return { ok: false, error: `${field} must be an integer from 0 to ${LIMITS[field]}` };
    }
  }
  if (raw.chunkBytes === 0) return { ok: false, error: "chunkBytes must be at least 1" };
  if (raw.accountId !== undefined && typeof raw.accountId !== "string") return { ok: false, error: "accountId must be a string" };
  return {
    ok: true,
    spec: {
      operation: raw.operation,
      kind: raw.kind as FaultKind,
      times: raw.times as number | undefined,
      accountId: raw.accountId as string | undefined,
      delayMs: raw.delayMs as number | undefined,
      ...(raw.chunkBytes !== undefined ? { chunkBytes: raw.chunkBytes as number } : {}),
      ...(raw.count !== undefined ? { count: raw.count as number } : {}),
      ...(raw.sizeBytes !== undefined ? { sizeBytes: raw.sizeBytes as number } : {}),
      ...(raw.depth !== undefined ? { depth: raw.depth as number } : {}),
    },
  };
}

export class Faults {
  private nextId = 1;
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.active.push({ ...spec, id, remaining: spec.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  remove(id: number): void {
    this.active = this.active.filter((fault) => fault.id !== id);
  }

  clear(): void {
    this.active = [];
  }

  list(): FaultSpec[] {
    return this.active.map((fault) => {
      const spec: FaultSpec = { ...fault };
      delete (spec as Partial<ActiveFault>).id;
      delete (spec as Partial<ActiveFault>).remaining;
      return spec;
    });
  }

  /** The first matching fault, consuming one of its uses. */
  take(operation: string, accountId: string): FaultSpec | undefined {
    const fault = this.active.find(
      (candidate) =>
        (candidate.operation === operation || candidate.operation === "*") && (!candidate.accountId || candidate.accountId === accountId),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.remove(fault.id);
    return fault;
  }
}
