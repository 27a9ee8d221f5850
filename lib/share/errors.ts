/**
 * Typed failures of the audit store. Every message is safe to show to the user (no SQL, no connection
 * strings); `code` decides how a page reacts (e.g. "invalid-id" and "not-found" → 404, "read-only" → 403).
 */
export type AuditStoreErrorCode =
  /** The id is not a well-formed audit id; the store was not queried. */
  | "invalid-id"
  /** A referenced audit does not exist or has expired. */
  | "not-found"
  /** expiresAt is not a valid date in the future. */
  | "invalid-expiry"
  /** The report does not match the AuditReport schema. */
  | "invalid-report"
  /** The serialized snapshot exceeds MAX_SNAPSHOT_BYTES. */
  | "snapshot-too-large"
  /** A stored row fails its checksum or schema: corrupt, or written by an unsupported version. */
  | "corrupt"
  /** Two audits of different APIs cannot be compared. */
  | "different-apis"
  /** The store was opened with PREFLIGHT_READ_ONLY. */
  | "read-only"
  /** The database holds migrations newer than this build knows, or (read-only) lacks ones it needs. */
  | "schema-mismatch"
  /** Configuration (environment) is invalid. */
  | "invalid-config"
  /** The database could not be reached or opened. */
  | "unavailable";

export class AuditStoreError extends Error {
  override readonly name = "AuditStoreError";

  constructor(
    readonly code: AuditStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static is(error: unknown, code?: AuditStoreErrorCode): error is AuditStoreError {
    return error instanceof AuditStoreError && (code === undefined || error.code === code);
  }
}

/** Where the first schema issue is and what it says (" at api.name: Required"), for a message safe to show. */
export function firstIssue(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const issue = issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join(".")}` : "";
  return `${where}: ${issue?.message ?? "invalid"}`;
}
