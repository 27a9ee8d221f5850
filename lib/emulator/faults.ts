/**
 * Fault injection: make chosen operations fail the way AWS sometimes does, so the reader's error
 * handling (partial reads, retries) is exercised against the real SDK.
 */
export const FAULT_KINDS = ["AccessDenied", "Unauthorized", "InternalError", "Throttle", "Drop", "Slow"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Operation name as the SDK calls it (e.g. "GetGatewayResponses"), or "*" for every operation. */
  operation: string;
  kind: FaultKind;
  /** How many requests it applies to; unlimited when absent. */
  times?: number;
  /** Only this account; every account when absent. */
  accountId?: string;
  /** For "Slow": how long to wait before answering (default 3000 ms). */
  delayMs?: number;
}

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
  for (const field of ["times", "delayMs"] as const) {
    const number = raw[field];
    if (number !== undefined && (typeof number !== "number" || !Number.isInteger(number) || number < 0)) {
      return { ok: false, error: `${field} must be a non-negative integer` };
    }
  }
  if (raw.accountId !== undefined && typeof raw.accountId !== "string") return { ok: false, error: "accountId must be a string" };
  return {
    ok: true,
    spec: {
      operation: raw.operation,
      kind: raw.kind as FaultKind,
      times: raw.times as number | undefined,
      accountId: raw.accountId as string | undefined,
      delayMs: raw.delayMs as number | undefined,
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
    return this.active.map(({ operation, kind, times, accountId, delayMs }) => ({ operation, kind, times, accountId, delayMs }));
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
