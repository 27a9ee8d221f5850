import "server-only";
import { loadSharedConfigFiles } from "@smithy/core/config";
import { PROFILE_NAME } from "@/lib/aws/connections/connection-id";

/**
 * How a profile gets credentials, from the keys it sets (names only; values are never read out):
 * https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html and
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 */
export type ProfileKind = "sso" | "process" | "assume-role" | "web-identity" | "static" | "login" | "other";

export interface ProfileSummary {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** Where it is defined. */
  files: Array<"config" | "credentials">;
  /** False when the name has characters a connection id cannot carry. */
  supported: boolean;
}

function kindOf(keys: Set<string>): ProfileKind {
  if (keys.has("sso_session") || keys.has("sso_start_url")) return "sso";
  if (keys.has("credential_process")) return "process";
  if (keys.has("role_arn") && keys.has("web_identity_token_file")) return "web-identity";
  if (keys.has("role_arn")) return "assume-role";
  if (keys.has("aws_access_key_id")) return "static";
  if (keys.has("login_session")) return "login";
  return "other";
}

export interface ListProfilesOptions {
  /** Override file locations (tests); defaults follow AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, then ~/.aws. */
  configFilepath?: string;
  credentialsFilepath?: string;
}

/**
 * Every profile of the shared config and credentials files, as names, kinds and regions only.
 * Missing files are not an error (no profiles). Secrets are parsed by the SDK's own loader but never
 * leave this function.
 */
export async function listProfiles(options: ListProfilesOptions = {}): Promise<ProfileSummary[]> {
  const files = await loadSharedConfigFiles({
    ignoreCache: true,
    ...(options.configFilepath ? { configFilepath: options.configFilepath } : {}),
    ...(options.credentialsFilepath ? { filepath: options.credentialsFilepath } : {}),
  });
  const byName = new Map<string, { keys: Set<string>; region?: string; files: Set<"config" | "credentials"> }>();
  const add = (name: string, profile: Record<string, string | undefined>, file: "config" | "credentials") => {
    const entry = byName.get(name) ?? { keys: new Set<string>(), files: new Set<"config" | "credentials">() };
    for (const key of Object.keys(profile)) entry.keys.add(key);
    if (typeof profile.region === "string" && profile.region && !entry.region) entry.region = profile.region;
    entry.files.add(file);
    byName.set(name, entry);
  };
  for (const [name, profile] of Object.entries(files.configFile)) {
    // The loader also returns [sso-session x] and [services x] sections, keyed "sso-session.x" / "services.x".
    if (name.startsWith("sso-session.") || name.startsWith("services.")) continue;
    add(name, profile, "config");
  }
  for (const [name, profile] of Object.entries(files.credentialsFile)) add(name, profile, "credentials");
  return [...byName.entries()]
    .map(([name, e]): ProfileSummary => ({
      name,
      kind: kindOf(e.keys),
      ...(e.region ? { region: e.region } : {}),
      files: [...e.files].sort(),
      supported: PROFILE_NAME.test(name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
