/**
 * Response headers for every page. The Content-Security-Policy follows Next.js's strict recipe: a fresh nonce per
 * request with 'strict-dynamic', which Next stamps on its own inline and chunk scripts when it finds the nonce in the
 * request's CSP header (https://nextjs.org/docs/app/guides/content-security-policy). Styles keep 'unsafe-inline':
 * React renders `style` attributes (the virtualised matrix positions its rows with them), which a nonce cannot cover.
 */
export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates its refresh runtime with eval. */
  development: boolean;
  /** Origins a form may post or redirect to besides this one: the OIDC issuer's sign-in page. */
  formTargets: readonly string[];
}

export function contentSecurityPolicy({ nonce, development, formTargets }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Chrome applies form-action to the redirects that follow a form post, such as NextAuth's hop to the IdP.
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers that need no per-request value; next.config.js sends them on static files too. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};
