/**
 * What answers without a session when sign-in is configured: NextAuth's own endpoints, the readiness probe, and a
 * shared audit opened by its link (the 22-character id is the capability), with its downloads and comparisons, and
 * /audits, which lists nothing (a form to paste a link, and where a deletion by token lands).
 * Everything else (the home page, live audits, templates, the list of shared audits) needs a session.
 */
const AUDIT_ID = "[A-Za-z0-9_-]{22}";
const PUBLIC_PATHS = [
  /^\/api\/auth(?:\/|$)/,
  /^\/api\/health$/,
  /^\/audits$/,
  new RegExp(`^/audits/${AUDIT_ID}$`),
  new RegExp(`^/audits/${AUDIT_ID}/compare/${AUDIT_ID}$`),
  new RegExp(`^/api/audits/${AUDIT_ID}(?:/export/[a-z]+|/fix/[a-z0-9-]+)?$`),
  /^\/(?:icon\.svg|favicon\.ico|robots\.txt)$/,
];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
}
