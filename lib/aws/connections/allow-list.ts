/**
 * What a deployment may use: connections (demo, env, profiles), regions and role ARNs. Set by environment variables
 * and/or a JSON file (PREFLIGHT_ALLOW_LIST_FILE); each list left unset allows everything of its kind, except role ARNs
 * on a deployment with sign-in, where an unset list allows none: assuming any role a visitor types, with any external
 * id, is the confused deputy (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html). Checked before
 * any AWS call.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ConnectionSpec } from "@/lib/aws/connections/connection-id";

export interface AllowList {
  /** "demo", "env", "profile" (any profile) or "profile:<name>"; undefined = all. */
  connections?: string[];
  profiles?: string[];
  regions?: string[];
  /** Exact ARNs, or a prefix ending in "*" (arn:aws:iam::123456789012:role/preflight-*); undefined = all, [] = none. */
  roleArns?: string[];
}

export type AllowListResult = { ok: true; allowList: AllowList } | { ok: false; error: string };

const MAX_FILE_BYTES = 64 * 1024;
const entries = z.array(z.string().trim().min(1).max(2048)).max(1000);
const fileSchema = z.strictObject({
  connections: entries.optional(),
  profiles: entries.optional(),
  regions: entries.optional(),
  roleArns: entries.optional(),
});

const listOf = (value: string | undefined): string[] | undefined =>
  value === undefined || value.trim() === ""
    ? undefined
    : value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);

/**
 * Reads PREFLIGHT_ALLOWED_CONNECTIONS / _PROFILES / _REGIONS / _ROLE_ARNS (comma-separated) and the JSON file named by
 * PREFLIGHT_ALLOW_LIST_FILE; a list set in both places must satisfy both (the intersection). `signInConfigured` turns
 * an unset role list into "none".
 */
export function loadAllowList(env: Readonly<Record<string, string | undefined>>, signInConfigured: boolean): AllowListResult {
  let file: AllowList = {};
  const path = env.PREFLIGHT_ALLOW_LIST_FILE?.trim();
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      return { ok: false, error: `PREFLIGHT_ALLOW_LIST_FILE ${path} cannot be read: ${(error as Error).message}` };
    }
    if (text.length > MAX_FILE_BYTES) return { ok: false, error: `PREFLIGHT_ALLOW_LIST_FILE ${path} is larger than 64 KiB.` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `PREFLIGHT_ALLOW_LIST_FILE ${path} is not JSON: ${(error as Error).message}` };
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        error: `PREFLIGHT_ALLOW_LIST_FILE ${path}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
      };
    file = parsed.data;
  }
  const both = (a: string[] | undefined, b: string[] | undefined) => (a && b ? a.filter((item) => b.includes(item)) : (a ?? b));
  const roleArns = both(listOf(env.PREFLIGHT_ALLOWED_ROLE_ARNS), file.roleArns) ?? (signInConfigured ? [] : undefined);
  const allowList: AllowList = {};
  const connections = both(listOf(env.PREFLIGHT_ALLOWED_CONNECTIONS), file.connections);
  const profiles = both(listOf(env.PREFLIGHT_ALLOWED_PROFILES), file.profiles);
  const regions = both(listOf(env.PREFLIGHT_ALLOWED_REGIONS), file.regions);
  if (connections) allowList.connections = connections;
  if (profiles) allowList.profiles = profiles;
  if (regions) allowList.regions = regions;
  if (roleArns) allowList.roleArns = roleArns;
  return { ok: true, allowList };
}

function roleAllowed(roleArn: string, allowed: string[]): boolean {
  // A trailing "*" is a prefix match; nothing else is a wildcard, so an entry is never turned into a pattern.
  return allowed.some((entry) => (entry.endsWith("*") ? roleArn.startsWith(entry.slice(0, -1)) : roleArn === entry));
}

/** Why the connection is refused, or undefined when the allow-list lets it through. */
export function connectionRefusal(spec: ConnectionSpec, allowList: AllowList): string | undefined {
  const { connections, profiles, roleArns } = allowList;
  if (connections) {
    const names = spec.kind === "profile" ? ["profile", `profile:${spec.profile}`] : [spec.kind];
    if (!names.some((name) => connections.includes(name)))
      return `The ${spec.kind === "profile" ? `profile "${spec.profile}"` : `"${spec.kind}" connection`} is not allowed on this Preflight (allowed: ${connections.join(", ") || "none"}).`;
  }
  if (spec.kind === "profile" && profiles && !profiles.includes(spec.profile))
    return `The profile "${spec.profile}" is not allowed on this Preflight (allowed: ${profiles.join(", ") || "none"}).`;
  if (spec.role && roleArns && !roleAllowed(spec.role.roleArn, roleArns))
    return roleArns.length === 0
      ? "Assuming a role is not allowed on this Preflight: its allow-list names no role ARNs."
      : `The role ${spec.role.roleArn} is not on this Preflight's allow-list of role ARNs.`;
  return undefined;
}

export function regionRefusal(region: string, allowList: AllowList): string | undefined {
  if (allowList.regions && !allowList.regions.includes(region))
    return `Region ${region} is not allowed on this Preflight (allowed: ${allowList.regions.join(", ") || "none"}).`;
  return undefined;
}

/** The regions of `all` the allow-list lets through, in their original order. */
export function allowedRegions(all: readonly string[], allowList: AllowList): string[] {
  return allowList.regions ? all.filter((region) => allowList.regions?.includes(region)) : [...all];
}
