import "server-only";
/**
 * Next hands dynamic route segments over still percent-encoded (a connection id may hold ":" or "/"). A malformed
 * escape gives undefined, which the caller's schema then refuses with a 400 rather than a thrown URIError.
 */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
