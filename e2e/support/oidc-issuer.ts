import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a local port, for the sign-in spec: discovery, the
 * authorization code flow with PKCE, signed ID tokens. Its development login form accepts any login: the login is the
 * account's e-mail address, so a test signs in as anyone@any.domain.
 */
export interface OidcIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcIssuer(options: { port: number; redirectUri: string }): Promise<OidcIssuer> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = "preflight-e2e";
  const clientSecret = "preflight-e2e-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // NextAuth reads the profile from the ID token; by default oidc-provider puts scope claims only in userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: id.split("@")[0] }),
    }),
    cookies: { keys: ["preflight-e2e-oidc-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  if (port !== options.port) throw new Error(`the OIDC issuer listens on ${port}, not ${options.port}`);
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
