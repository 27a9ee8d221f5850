import "server-only";
import { parseConnectionId } from "@/lib/aws/connections/connection-id";
import { connectionRefusal, regionRefusal } from "@/lib/aws/connections/allow-list";
import { openConnection, type Connection } from "@/lib/aws/connections/connection";
import type { UiError } from "@/app/actions/types";
import { deploymentAllowList } from "./allow-list";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "./session";
import { invalidConnection, notAllowed, toUiError } from "./ui-error";

export type OpenResult = { ok: true; connection: Connection } | { ok: false; error: UiError };

/**
 * Opens a connection from the id in a URL; a malformed id, a missing profile or one the deployment's allow-list does
 * not name is an expected error, and the allow-list is checked before any credential is loaded or AWS called.
 */
export async function openConnectionById(id: string): Promise<OpenResult> {
  const parsed = parseConnectionId(id);
  if (!parsed.ok) return { ok: false, error: invalidConnection(`Connection "${id}" is not valid: ${parsed.error}.`) };
  // The one door to the server's credentials checks the session itself, whichever page, action or route got here.
  if (!isAdmitted(await currentViewer()))
    return { ok: false, error: { code: "auth:required", message: SIGN_IN_REQUIRED, hint: "Sign in at /api/auth/signin." } };
  const allowList = deploymentAllowList();
  if ("broken" in allowList) return { ok: false, error: notAllowed(`This Preflight's allow-list is broken: ${allowList.broken}`) };
  const refusal = connectionRefusal(parsed.spec, allowList);
  if (refusal) return { ok: false, error: notAllowed(refusal) };
  const opened = await openConnection(parsed.spec);
  return opened.ok ? opened : { ok: false, error: toUiError(opened.error) };
}

/** The region check of the allow-list, for every path that reads one region of a connection. */
export function checkRegion(region: string): { ok: true } | { ok: false; error: UiError } {
  const allowList = deploymentAllowList();
  if ("broken" in allowList) return { ok: false, error: notAllowed(`This Preflight's allow-list is broken: ${allowList.broken}`) };
  const refusal = regionRefusal(region, allowList);
  return refusal ? { ok: false, error: notAllowed(refusal) } : { ok: true };
}
