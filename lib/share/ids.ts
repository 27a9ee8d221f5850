import { randomBytes } from "node:crypto";

/**
 * A stored audit's id: 16 random bytes (128 bits) as unpadded base64url, 22 characters. The id is the
 * only thing guarding a shared link, so it must be unguessable; it is also safe in a URL path as is.
 */
export type AuditId = string & { readonly __brand: "AuditId" };

export const AUDIT_ID_BYTES = 16;
export const AUDIT_ID_LENGTH = 22;

// 16 bytes = 128 bits = 21 full base64 digits (126 bits) + 2 bits, so the last digit's low 4 bits are zero:
// only A, Q, g or w can end a canonical id. Rejecting the rest keeps exactly one spelling per id.
const AUDIT_ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function newAuditId(): AuditId {
  return randomBytes(AUDIT_ID_BYTES).toString("base64url") as AuditId;
}

export function isAuditId(value: unknown): value is AuditId {
  return typeof value === "string" && AUDIT_ID_PATTERN.test(value);
}

export type ParsedAuditId = { ok: true; id: AuditId } | { ok: false; error: string };

/** Validates untrusted input (a URL segment, a form field) without touching any store. */
export function parseAuditId(value: unknown): ParsedAuditId {
  if (isAuditId(value)) return { ok: true, id: value };
  const shown = typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value;
  return {
    ok: false,
    error: `Not a stored audit id: ${shown}. Ids are ${AUDIT_ID_LENGTH} URL-safe base64 characters (A–Z, a–z, 0–9, "-", "_").`,
  };
}
