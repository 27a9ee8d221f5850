import "server-only";
import type { NextAuthOptions } from "next-auth";
import { admit } from "@/lib/auth/admission";
import { signInEnv, type SignInEnv } from "@/lib/auth/deployment-env.mjs";

/** How long a sign-in lasts: a working day, so a removed team member loses access by the next morning. */
const SESSION_SECONDS = 8 * 60 * 60;

/** The deployment's sign-in settings; `configured: false` on a local instance (no PREFLIGHT_OIDC_* set). */
export function signInSettings(): SignInEnv {
  return signInEnv(process.env);
}

/**
 * NextAuth (v4) with one generic OpenID Connect provider discovered from the issuer's
 * /.well-known/openid-configuration (OpenID Connect Discovery 1.0), so Google Workspace, Entra ID, Okta and Cognito
 * all work from their issuer URL. Authorization code flow with PKCE and state; the ID token's claims decide admission.
 */
export function authOptions(settings: SignInEnv = signInSettings()): NextAuthOptions {
  const issuer = (settings.issuer ?? "").replace(/\/+$/, "");
  const rules = { allowedDomains: settings.allowedDomains, allowedGroups: settings.allowedGroups, groupsClaim: settings.groupsClaim };
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    providers: [
      {
        id: "oidc",
        name: process.env.PREFLIGHT_OIDC_NAME?.trim() || "your organisation",
        type: "oauth",
        wellKnown: `${issuer}/.well-known/openid-configuration`,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        // Okta returns groups only when asked for the "groups" scope; the operator adds it here.
        authorization: { params: { scope: process.env.PREFLIGHT_OIDC_SCOPES?.trim() || "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state"],
        profile(profile: Record<string, unknown>) {
          const email = typeof profile.email === "string" ? profile.email : undefined;
          const name = typeof profile.name === "string" ? profile.name : email;
          return { id: String(profile.sub), ...(name ? { name } : {}), ...(email ? { email } : {}) };
        },
      },
    ],
    callbacks: {
      signIn({ profile }) {
        // false sends the browser to NextAuth's error page with error=AccessDenied.
        return admit((profile ?? {}) as Record<string, unknown>, rules).ok;
      },
      jwt({ token, profile }) {
        if (profile) {
          const admission = admit(profile as Record<string, unknown>, rules);
          if (admission.ok && admission.email) token.email = admission.email;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.email === "string") session.user.email = token.email;
        return session;
      },
    },
  };
}
