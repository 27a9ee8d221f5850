import "server-only";
import { formatConnectionId } from "@/lib/aws/connections/connection-id";
import { listProfiles, type ListProfilesOptions, type ProfileKind } from "@/lib/aws/connections/list-profiles";

/** What the connection picker shows: ids, labels, kinds and regions, nothing secret. */
export interface ConnectionChoice {
  id: string;
  label: string;
  kind: "demo" | "env" | "profile";
  profileKind?: ProfileKind;
  region?: string;
  /** False for a profile whose name cannot be carried in a connection id. */
  supported: boolean;
}

export async function listConnections(
  options: { env?: NodeJS.ProcessEnv; profiles?: ListProfilesOptions } = {},
): Promise<ConnectionChoice[]> {
  const env = options.env ?? process.env;
  const envRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  const profiles = await listProfiles(options.profiles);
  return [
    { id: "demo", label: "Demo (local emulator)", kind: "demo", region: "us-east-1", supported: true },
    { id: "env", label: "Default credential chain", kind: "env", ...(envRegion ? { region: envRegion } : {}), supported: true },
    ...profiles.map((p): ConnectionChoice => ({
      id: p.supported ? formatConnectionId({ kind: "profile", profile: p.name }) : `profile:${encodeURIComponent(p.name)}`,
      label: `Profile ${p.name}`,
      kind: "profile",
      profileKind: p.kind,
      ...(p.region ? { region: p.region } : {}),
      supported: p.supported,
    })),
  ];
}
