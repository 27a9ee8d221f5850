/** Every control-plane call the emulator answered, for tests that count API calls. */
export interface RequestLogEntry {
  operation: string;
  method: string;
  path: string;
  query: string;
  accountId: string;
  region: string;
  /** Epoch milliseconds when the request arrived. */
  time: number;
  /** HTTP status sent (0 when the connection was dropped by a fault). */
  status: number;
}

export class RequestLog {
  private readonly list: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): RequestLogEntry {
    this.list.push(entry);
    return entry;
  }

  entries(): RequestLogEntry[] {
    return this.list.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.list.length = 0;
  }

  count(operation: string): number {
    return this.list.filter((entry) => entry.operation === operation).length;
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.list) counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
    return counts;
  }
}
