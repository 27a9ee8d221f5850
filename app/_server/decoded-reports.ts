import "server-only";
import type { AuditReport } from "@/lib/audit/types";

/**
 * Decoded cache entries kept in this process (issue 16): a 10,000-resource API's cached report is ~44 MB of JSON,
 * and decoding it (checksum, JSON.parse) took ~1 s of every audit-page load and every on-demand part (cell
 * detail, findings, fix everything). The store stays the source of truth, since it is shared between instances:
 * each request still asks it for the entry's stamp (its checksum, without the snapshot), and a report kept here is
 * served only while the store names the same checksum. It holds exactly what the cache holds (the redacted report),
 * and nothing after the process exits.
 *
 * Bounded by count and by the size of the snapshots it was decoded from (least recently used goes first); an entry
 * larger than the whole bound is not kept.
 */
export interface DecodedReportLimits {
  maxEntries: number;
  /** Sum of the entries' snapshot lengths (characters of JSON): a decoded report takes a small multiple in memory. */
  maxChars: number;
}

/** 8 entries, 64 M characters of JSON: one 10,000-resource report (~44 M) beside a few 1,000-resource ones (~4.5 M). */
export const DEFAULT_DECODED_LIMITS: DecodedReportLimits = { maxEntries: 8, maxChars: 64 * 1024 * 1024 };

interface Entry {
  sha256: string;
  chars: number;
  report: AuditReport;
}

export class DecodedReports {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(private readonly limits: DecodedReportLimits = DEFAULT_DECODED_LIMITS) {}

  /** The report decoded from the snapshot with this checksum, if this process kept it. */
  get(id: string, sha256: string): AuditReport | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.sha256 !== sha256) {
      // The store holds another read now (a Refresh here or on another instance): this one is never served again.
      this.remove(id);
      return undefined;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.report;
  }

  set(id: string, sha256: string, chars: number, report: AuditReport): void {
    this.remove(id);
    if (chars > this.limits.maxChars || this.limits.maxEntries < 1) return;
    this.entries.set(id, { sha256, chars, report });
    this.chars += chars;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.chars <= this.limits.maxChars) break;
      this.remove(oldest);
    }
  }

  /** Forgets an entry (the store no longer has it). */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.chars -= entry.chars;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalChars(): number {
    return this.chars;
  }
}
