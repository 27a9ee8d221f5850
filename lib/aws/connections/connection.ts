import "server-only";
import { formatConnectionId, type ConnectionSpec } from "@/lib/aws/connections/connection-id";
import { credentialsFor, type AwsCredentialIdentityProvider, type StsOptions } from "@/lib/aws/connections/credentials";
import { listProfiles, type ListProfilesOptions, type ProfileKind } from "@/lib/aws/connections/list-profiles";
import { NoCredentialsError, type PreflightAwsError } from "@/lib/aws/errors/aws-errors";

export const DEFAULT_DEMO_ENDPOINT = "http://127.0.0.1:4599";
/** The demo emulator's seeds live in us-east-1. */
export const DEMO_REGION = "us-east-1";

/** Everything needed to talk to API Gateway for one connection. Holds a provider, never a secret. */
export interface Connection {
  id: string;
  spec: ConnectionSpec;
  /** For messages, e.g. "profile dev", "the default credential chain", "the demo". */
  label: string;
  credentials: AwsCredentialIdentityProvider;
  /** Explicit endpoint (the demo, or a caller override); otherwise the SDK resolves it, honouring
   * AWS_ENDPOINT_URL_API_GATEWAY / AWS_ENDPOINT_URL (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html). */
  endpoint?: string;
  /** True when requests do not go to AWS's own endpoint. */
  customEndpoint: boolean;
  /** Where STS calls (AssumeRole, GetCallerIdentity) go when not AWS's own STS: see stsEndpointFor. */
  stsEndpoint?: string;
  defaultRegion?: string;
  profile?: { name: string; kind: ProfileKind };
  /** Key for the per-account client-side quota. */
  limiterKey: string;
}

export interface OpenConnectionOptions {
  env?: NodeJS.ProcessEnv;
  /** Override the endpoint for this connection (otherwise the SDK's environment handling applies). */
  endpoint?: string;
  profiles?: ListProfilesOptions;
}

export type OpenConnectionResult = { ok: true; connection: Connection } | { ok: false; error: PreflightAwsError };

function validEndpoint(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** The endpoint override the SDK will pick up from the environment, if any. */
export function environmentEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  // https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return undefined;
  return env.AWS_ENDPOINT_URL_API_GATEWAY || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * The STS endpoint for a connection: AWS_ENDPOINT_URL_STS, else the connection's own endpoint override
 * (an emulator or proxy that serves API Gateway is asked for STS too), else AWS_ENDPOINT_URL; undefined
 * means AWS's own STS. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops the environment's values, not the
 * explicit override (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function stsEndpointFor(env: Readonly<Record<string, string | undefined>>, endpoint: string | undefined): string | undefined {
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true";
  return (
    (ignoreEnv ? undefined : env.AWS_ENDPOINT_URL_STS || undefined) ??
    endpoint ??
    (ignoreEnv ? undefined : env.AWS_ENDPOINT_URL || undefined)
  );
}

function stsOptions(region: string | undefined, endpoint: string | undefined): StsOptions {
  return { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) };
}

export async function openConnection(spec: ConnectionSpec, options: OpenConnectionOptions = {}): Promise<OpenConnectionResult> {
  const env = options.env ?? process.env;
  const id = formatConnectionId(spec);
  const fail = (message: string, hint: string): OpenConnectionResult => ({
    ok: false,
    error: new NoCredentialsError("credentials:missing", message, hint, { operation: "OpenConnection" }),
  });

  const roleKey = spec.role ? `~${spec.role.roleArn}` : "";
  if (spec.kind === "demo") {
    const endpoint = options.endpoint ?? env.PREFLIGHT_DEMO_ENDPOINT ?? DEFAULT_DEMO_ENDPOINT;
    if (!validEndpoint(endpoint))
      return fail(
        `PREFLIGHT_DEMO_ENDPOINT "${endpoint}" is not an http(s) URL.`,
        "Set it to the emulator's URL, e.g. http://127.0.0.1:4599.",
      );
    return {
      ok: true,
      connection: {
        id,
        spec,
        label: spec.role ? `the demo as ${spec.role.roleArn}` : "the demo",
        // The demo never talks to AWS: its emulator answers STS too.
        credentials: credentialsFor(spec, undefined, { region: DEMO_REGION, endpoint }),
        endpoint,
        customEndpoint: true,
        stsEndpoint: endpoint,
        defaultRegion: DEMO_REGION,
        limiterKey: `demo${roleKey}@${endpoint}`,
      },
    };
  }

  if (options.endpoint !== undefined && !validEndpoint(options.endpoint))
    return fail(
      `Endpoint "${options.endpoint}" is not an http(s) URL.`,
      "Pass a full URL such as https://apigateway.us-east-1.amazonaws.com.",
    );
  const endpoint = options.endpoint;
  const customEndpoint = endpoint !== undefined || environmentEndpoint(env) !== undefined;
  const endpointKey = endpoint ?? environmentEndpoint(env) ?? "aws";
  const stsEndpoint = stsEndpointFor(env, endpoint);

  if (spec.kind === "env") {
    const defaultRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    return {
      ok: true,
      connection: {
        id,
        spec,
        label: spec.role ? `the default credential chain as ${spec.role.roleArn}` : "the default credential chain",
        credentials: credentialsFor(spec, undefined, stsOptions(defaultRegion, stsEndpoint)),
        ...(endpoint ? { endpoint } : {}),
        customEndpoint,
        ...(stsEndpoint ? { stsEndpoint } : {}),
        ...(defaultRegion ? { defaultRegion } : {}),
        limiterKey: `env${roleKey}@${endpointKey}`,
      },
    };
  }

  const profiles = await listProfiles(options.profiles);
  const profile = profiles.find((p) => p.name === spec.profile);
  if (!profile) {
    return fail(
      `Profile "${spec.profile}" is not in the AWS config or credentials files.`,
      `Known profiles: ${profiles.map((p) => p.name).join(", ") || "none"}. Files: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws.`,
    );
  }
  const defaultRegion = profile.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  return {
    ok: true,
    connection: {
      id,
      spec,
      label: spec.role ? `profile ${profile.name} as ${spec.role.roleArn}` : `profile ${profile.name}`,
      credentials: credentialsFor(spec, profile.kind, stsOptions(defaultRegion, stsEndpoint)),
      ...(endpoint ? { endpoint } : {}),
      customEndpoint,
      ...(stsEndpoint ? { stsEndpoint } : {}),
      ...(defaultRegion ? { defaultRegion } : {}),
      profile: { name: profile.name, kind: profile.kind },
      limiterKey: `profile:${profile.name}${roleKey}@${endpointKey}`,
    },
  };
}
