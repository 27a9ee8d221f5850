import "server-only";
import { fromIni, fromNodeProviderChain, fromProcess, fromSSO, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { ConnectionSpec, RoleSpec } from "@/lib/aws/connections/connection-id";
import type { ProfileKind } from "@/lib/aws/connections/list-profiles";
import { AccessDeniedError, redactSecrets } from "@/lib/aws/errors/aws-errors";

/** Derived from a direct dependency so no transitive types package is imported. */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

// The demo emulator accepts any SigV4 signature; these keys are deliberately fake and documented.
export const DEMO_CREDENTIALS: Readonly<AwsCredentialIdentity> = Object.freeze({
  accessKeyId: "AKIAPREFLIGHTDEMO000",
  secretAccessKey: "preflight-demo-not-a-secret",
});

const ROLE_SESSION_NAME = "preflight-audit";
// Refresh role credentials this long before they expire, so no request is signed with a dying key.
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/** Where and how the role's STS calls go. */
export interface StsOptions {
  region?: string;
  /** STS endpoint override (AWS_ENDPOINT_URL_STS, or the connection's custom endpoint); AWS's own otherwise. */
  endpoint?: string;
}

/** AssumeRole's AccessDenied, told as what it is: the role would not let these credentials in. */
function describeRoleFailure(error: unknown, role: RoleSpec): unknown {
  const e = error as { name?: string; message?: string } | null;
  if (e?.name !== "AccessDenied") return error;
  return new AccessDeniedError(
    `Access denied to sts:AssumeRole on ${role.roleArn}: ${redactSecrets(e.message ?? "AccessDenied")}`,
    role.externalId
      ? "Check that the role's trust policy lets these credentials assume it, and that the external id is the one the role's owner gave you."
      : "Check that the role's trust policy lets these credentials assume it; if it requires an external id (sts:ExternalId), pass it.",
    { operation: "AssumeRole" },
    role.roleArn,
    "sts:AssumeRole",
  );
}

function withRole(base: AwsCredentialIdentityProvider, role: RoleSpec | undefined, sts: StsOptions): AwsCredentialIdentityProvider {
  if (!role) return base;
  // sts:AssumeRole with the base credentials (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
  const assume = fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: role.roleArn, RoleSessionName: ROLE_SESSION_NAME, ...(role.externalId ? { ExternalId: role.externalId } : {}) },
    clientConfig: { ...(sts.region ? { region: sts.region } : {}), ...(sts.endpoint ? { endpoint: sts.endpoint } : {}) },
  });
  // One session for every client of the connection (a listing of 30 regions makes 30 clients), reused
  // until close to expiry. A failure is shared by the calls that waited on it, then forgotten.
  let session: Promise<AwsCredentialIdentity> | undefined;
  const assumeOnce = (properties: Parameters<AwsCredentialIdentityProvider>[0]) => {
    const attempt: Promise<AwsCredentialIdentity> = assume(properties).catch((error: unknown) => {
      if (session === attempt) session = undefined;
      throw describeRoleFailure(error, role);
    });
    return attempt;
  };
  return async (properties) => {
    const current = session;
    if (current) {
      const identity = await current;
      if ((identity.expiration?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now() > REFRESH_BEFORE_EXPIRY_MS) return identity;
      if (session === current) session = undefined;
    }
    return (session ??= assumeOnce(properties));
  };
}

/**
 * The credential provider for a connection. Profiles go through the provider that matches how they
 * get credentials (IAM Identity Center → fromSSO, credential_process → fromProcess, else fromIni,
 * which also handles role chaining); "env" is the SDK's default chain; the demo uses fixed fake keys.
 * Any of them may then assume the connection's role.
 */
export function credentialsFor(spec: ConnectionSpec, profileKind?: ProfileKind, sts: StsOptions = {}): AwsCredentialIdentityProvider {
  switch (spec.kind) {
    case "demo":
      return withRole(async () => ({ ...DEMO_CREDENTIALS }), spec.role, sts);
    case "env":
      return withRole(fromNodeProviderChain(), spec.role, sts);
    case "profile": {
      const profile = spec.profile;
      const base =
        profileKind === "sso" ? fromSSO({ profile }) : profileKind === "process" ? fromProcess({ profile }) : fromIni({ profile });
      return withRole(base, spec.role, sts);
    }
  }
}
