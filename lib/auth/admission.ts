/**
 * Who may sign in: an OpenID Connect user whose verified e-mail is in an allowed domain, or who carries an allowed
 * group in the ID token's groups claim (Entra ID and Okta put group names or ids in "groups"; Cognito in
 * "cognito:groups"; Google Workspace has no groups claim, so it is admitted by its "hd" domain or e-mail).
 * https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export interface AdmissionRules {
  allowedDomains: readonly string[];
  allowedGroups: readonly string[];
  groupsClaim: string;
}

export type Admission = { ok: true; email?: string; groups: string[] } | { ok: false; reason: string };

const MAX_GROUPS = 1000;

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").slice(0, MAX_GROUPS);
  return [];
}

/** Decides admission from the ID token's claims; never throws on odd claim shapes. */
export function admit(claims: Record<string, unknown>, rules: AdmissionRules): Admission {
  const rawEmail = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : undefined;
  // An unverified address proves nothing (anyone can type one into many IdPs); absent means the IdP does not say,
  // which Entra ID does for work accounts, so only an explicit false refuses.
  const email = rawEmail && claims.email_verified !== false && claims.email_verified !== "false" ? rawEmail : undefined;
  const groups = groupsOf(claims, rules.groupsClaim);
  const at = email ? email.lastIndexOf("@") : -1;
  const domain = email && at > 0 ? email.slice(at + 1) : undefined;
  if (domain && rules.allowedDomains.includes(domain)) return { ok: true, email: email!, groups };
  if (groups.some((group) => rules.allowedGroups.includes(group))) return { ok: true, ...(email ? { email } : {}), groups };
  const who = rawEmail ?? (typeof claims.sub === "string" ? `subject ${claims.sub}` : "this account");
  const unverified = rawEmail && !email ? " (its e-mail address is not verified)" : "";
  return { ok: false, reason: `${who}${unverified} is not in an allowed domain or group of this Preflight.` };
}
