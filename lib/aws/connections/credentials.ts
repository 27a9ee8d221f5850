import "server-only";
import { fromIni, fromNodeProviderChain, fromProcess, fromSSO, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { ConnectionSpec, RoleSpec } from "@/lib/aws/connections/connection-id";
import type { ProfileKind } from "@/lib/aws/connections/list-profiles";

/** Derived from a direct dependency so no transitive types package is imported. */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

// The demo emulator accepts any SigV4 signature; these keys are deliberately fake and documented.
export const DEMO_CREDENTIALS: Readonly<AwsCredentialIdentity> = Object.freeze({
  accessKeyId: "AKIAPREFLIGHTDEMO000",
  secretAccessKey: "preflight-demo-not-a-secret",
});

const ROLE_SESSION_NAME = "preflight-audit";

function withRole(base: AwsCredentialIdentityProvider, role: RoleSpec | undefined, region: string | undefined): AwsCredentialIdentityProvider {
  if (!role) return base;
  // sts:AssumeRole with the base credentials; credentials are refreshed by the provider before expiry.
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: role.roleArn, RoleSessionName: ROLE_SESSION_NAME, ...(role.externalId ? { ExternalId: role.externalId } : {}) },
    ...(region ? { clientConfig: { region } } : {}),
  });
}

/**
 * The credential provider for a connection. Profiles go through the provider that matches how they
 * get credentials (IAM Identity Center → fromSSO, credential_process → fromProcess, else fromIni,
 * which also handles role chaining); "env" is the SDK's default chain.
 */
export function credentialsFor(spec: ConnectionSpec, profileKind?: ProfileKind, region?: string): AwsCredentialIdentityProvider {
  switch (spec.kind) {
    case "demo":
      return async () => ({ ...DEMO_CREDENTIALS });
    case "env":
      return withRole(fromNodeProviderChain(), spec.role, region);
    case "profile": {
      const profile = spec.profile;
      const base =
        profileKind === "sso" ? fromSSO({ profile }) : profileKind === "process" ? fromProcess({ profile }) : fromIni({ profile });
      return withRole(base, spec.role, region);
    }
  }
}
