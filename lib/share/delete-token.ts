/**
 * The capability to delete one shared audit: 192 random bits handed to the sharer once, stored only as its SHA-256
 * (a database leak cannot be turned into deletions), compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function newDeleteToken(): { token: string; sha256: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, sha256: deleteTokenSha256(token) };
}

export function deleteTokenSha256(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when `token` is the one whose hash was stored; false for anything malformed or absent. */
export function deleteTokenMatches(token: string | undefined, storedSha256: string | undefined): boolean {
  if (!token || !storedSha256 || !TOKEN.test(token) || !/^[0-9a-f]{64}$/.test(storedSha256)) return false;
  return timingSafeEqual(Buffer.from(deleteTokenSha256(token), "hex"), Buffer.from(storedSha256, "hex"));
}
