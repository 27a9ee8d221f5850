/** Counts API Gateway calls per operation (first attempts) and retries, for one audit or sweep. */
export class CallStats {
  private readonly perOperation = new Map<string, number>();
  private retryCount = 0;
  private readonly startedAt = performance.now();

  recordCall(operation: string): void {
    this.perOperation.set(operation, (this.perOperation.get(operation) ?? 0) + 1);
  }

  recordRetry(): void {
    this.retryCount += 1;
  }

  get totalCalls(): number {
    let total = 0;
    for (const n of this.perOperation.values()) total += n;
    return total;
  }

  get retries(): number {
    return this.retryCount;
  }

  calls(): Record<string, number> {
    return Object.fromEntries([...this.perOperation.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }
}
