import "server-only";
import { loadAllowList, type AllowList } from "@/lib/aws/connections/allow-list";
import { signInEnv } from "@/lib/auth/deployment-env.mjs";

/**
 * This deployment's allow-list, read from the environment (and its file) on each call: the file is small, and an
 * operator's edit then applies without a restart. A broken file refuses everything rather than allowing everything.
 */
export function deploymentAllowList(): AllowList | { broken: string } {
  const loaded = loadAllowList(process.env, signInEnv(process.env).configured);
  return loaded.ok ? loaded.allowList : { broken: loaded.error };
}
