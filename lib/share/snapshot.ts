/**
 * The stored form of an audit: an immutable, versioned snapshot around the AuditReport. Bump
 * SNAPSHOT_VERSION (and add a schema to SNAPSHOT_SCHEMAS) when the stored shape changes; older
 * versions stay readable as long as their schema is listed.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AuditReport } from "@/lib/audit/types";
import { firstIssue } from "@/lib/share/errors";
import { auditReportSchema } from "@/lib/share/report-schema";

export const SNAPSHOT_VERSION = 1 as const;

/**
 * Largest snapshot accepted, in bytes of UTF-8 JSON: 8 MiB. A 1,500-method API with three stages
 * serializes to roughly 2 MiB, so this leaves headroom while keeping one row cheap to load and render.
 */
export const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;

export interface AuditSnapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  /** The Preflight build that stored it (the report carries the build that produced it). */
  preflightVersion: string;
  /** ISO timestamp of storage. */
  storedAt: string;
  report: AuditReport;
}

const snapshotV1Schema: z.ZodType<AuditSnapshot> = z.object({
  snapshotVersion: z.literal(1),
  preflightVersion: z.string(),
  storedAt: z.iso.datetime(),
  report: auditReportSchema,
});

const SNAPSHOT_SCHEMAS: Record<number, z.ZodType<AuditSnapshot>> = { 1: snapshotV1Schema };

export interface EncodedSnapshot {
  json: string;
  bytes: number;
  sha256: string;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type EncodeResult = { ok: true; encoded: EncodedSnapshot } | { ok: false; reason: "too-large"; bytes: number };

export function encodeSnapshot(snapshot: AuditSnapshot, maxBytes: number = MAX_SNAPSHOT_BYTES): EncodeResult {
  const json = JSON.stringify(snapshot);
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes > maxBytes) return { ok: false, reason: "too-large", bytes };
  return { ok: true, encoded: { json, bytes, sha256: sha256Hex(json) } };
}

export type DecodeResult = { ok: true; snapshot: AuditSnapshot } | { ok: false; reason: string };

/** Parses and validates stored JSON; never throws. */
export function decodeSnapshot(json: string, expectedSha256?: string): DecodeResult {
  if (expectedSha256 !== undefined && sha256Hex(json) !== expectedSha256) {
    return { ok: false, reason: "its checksum does not match its content" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  if (typeof raw !== "object" || raw === null || !("snapshotVersion" in raw) || typeof raw.snapshotVersion !== "number") {
    return { ok: false, reason: "it has no snapshotVersion" };
  }
  const version = raw.snapshotVersion;
  const schema = SNAPSHOT_SCHEMAS[version];
  if (!schema) {
    return {
      ok: false,
      reason:
        version > SNAPSHOT_VERSION
          ? `it is snapshot version ${version}, written by a newer Preflight (this build reads up to version ${SNAPSHOT_VERSION})`
          : `snapshot version ${version} is not supported`,
    };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: `it does not match snapshot version ${version}${firstIssue(parsed.error.issues)}` };
  }
  return { ok: true, snapshot: parsed.data };
}
