// What a deployment's environment says about exposure: is sign-in configured, which Host names are this app's own.
// Plain JavaScript so `npm start` (scripts/start.mjs) reads it before anything is built; the app imports the same code.

const list = (value) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Sign-in with OpenID Connect is configured when the issuer, the client and NextAuth's secret are set and at least
 * one admission rule (allowed e-mail domains or groups) exists: an issuer such as Google's would otherwise admit
 * every account in the world. A partial configuration is reported as problems, never silently ignored.
 * @param {Record<string, string | undefined>} env
 */
export function signInEnv(env) {
  const issuer = env.PREFLIGHT_OIDC_ISSUER?.trim() || undefined;
  const clientId = env.PREFLIGHT_OIDC_CLIENT_ID?.trim() || undefined;
  const clientSecret = env.PREFLIGHT_OIDC_CLIENT_SECRET || undefined;
  const secret = env.NEXTAUTH_SECRET || undefined;
  const allowedDomains = list(env.PREFLIGHT_OIDC_ALLOWED_DOMAINS).map((domain) => domain.toLowerCase().replace(/^@/, ""));
  const allowedGroups = list(env.PREFLIGHT_OIDC_ALLOWED_GROUPS);
  const groupsClaim = env.PREFLIGHT_OIDC_GROUPS_CLAIM?.trim() || "groups";
  const anySet = Boolean(issuer || clientId || clientSecret);
  const problems = [];
  if (anySet) {
    if (!issuer) problems.push("PREFLIGHT_OIDC_ISSUER is not set");
    if (!clientId) problems.push("PREFLIGHT_OIDC_CLIENT_ID is not set");
    if (!clientSecret) problems.push("PREFLIGHT_OIDC_CLIENT_SECRET is not set");
    if (!secret) problems.push("NEXTAUTH_SECRET is not set (a long random string: openssl rand -base64 32)");
    if (allowedDomains.length === 0 && allowedGroups.length === 0)
      problems.push("neither PREFLIGHT_OIDC_ALLOWED_DOMAINS nor PREFLIGHT_OIDC_ALLOWED_GROUPS is set");
    if (issuer) {
      try {
        const url = new URL(issuer);
        if (url.protocol !== "https:" && !isLoopbackHost(url.hostname)) problems.push("PREFLIGHT_OIDC_ISSUER must be an https URL");
      } catch {
        problems.push("PREFLIGHT_OIDC_ISSUER is not a URL");
      }
    }
  }
  return {
    configured: anySet && problems.length === 0,
    problems,
    issuer,
    clientId,
    clientSecret,
    allowedDomains,
    allowedGroups,
    groupsClaim,
  };
}

/** 127.0.0.0/8, ::1 and localhost (RFC 6761 section 6.3): only this machine can reach them. */
export function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** "host" or "host:port" of the Host header, split; IPv6 literals keep their brackets off. */
export function splitHostHeader(value) {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match) return undefined;
  return { hostname: match[1].replace(/^\[|\]$/g, "").toLowerCase(), port: match[2] };
}

/**
 * The public URL a team deployment is reached at (PREFLIGHT_PUBLIC_URL, else NEXTAUTH_URL): its host is the only
 * non-loopback Host header the app answers.
 * @param {Record<string, string | undefined>} env
 */
export function publicUrlOf(env) {
  const raw = env.PREFLIGHT_PUBLIC_URL?.trim() || env.NEXTAUTH_URL?.trim();
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** True for the read-only team viewer; the same values lib/share/store-config.ts accepts (1/true/yes/on). */
export function readOnlyEnv(env) {
  return ["1", "true", "yes", "on"].includes((env.PREFLIGHT_READ_ONLY ?? "").trim().toLowerCase());
}

/**
 * Why `npm start` must not listen on `host`, or undefined when it may: on loopback the app is its user's own tool; on
 * any other address it lends the server's AWS credentials to every visitor, so it needs sign-in or the read-only viewer.
 * @param {Record<string, string | undefined>} env
 * @param {string} host
 */
export function exposureRefusal(env, host) {
  const signIn = signInEnv(env);
  if (signIn.problems.length > 0)
    return `Sign-in with OpenID Connect is half configured: ${signIn.problems.join("; ")}. Complete it or unset PREFLIGHT_OIDC_*.`;
  if (isLoopbackHost(host)) return undefined;
  if (signIn.configured || readOnlyEnv(env)) {
    // The app answers only loopback and the public URL's host (DNS rebinding defence, lib/auth/host-check.ts).
    if (publicUrlOf(env)) return undefined;
    return `HOST=${host} needs PREFLIGHT_PUBLIC_URL (the URL people open, e.g. https://preflight.example.com): requests for any other host are refused.`;
  }
  return [
    `Refusing to listen on HOST=${host}: any visitor could use this server's AWS credentials.`,
    "Either configure sign-in with OpenID Connect:",
    "  PREFLIGHT_OIDC_ISSUER=https://accounts.google.com (or your Entra ID, Okta or Cognito issuer URL)",
    "  PREFLIGHT_OIDC_CLIENT_ID=… PREFLIGHT_OIDC_CLIENT_SECRET=… NEXTAUTH_SECRET=$(openssl rand -base64 32)",
    "  PREFLIGHT_OIDC_ALLOWED_DOMAINS=example.com and/or PREFLIGHT_OIDC_ALLOWED_GROUPS=preflight-users",
    "  PREFLIGHT_PUBLIC_URL=https://preflight.example.com (the URL people open)",
    "or serve stored audits only, with no AWS connections: PREFLIGHT_READ_ONLY=1 and PREFLIGHT_PUBLIC_URL=….",
    'See "Deploying for a team" in README.md.',
  ].join("\n");
}
