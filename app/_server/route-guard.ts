import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import type { UiError } from "@/app/actions/types";
import { checkRegion, openConnectionById } from "./connection";
import { jsonError } from "./downloads";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "./session";

/** A route handler's own session check (401 JSON), so a route never relies on the proxy alone. */
export async function refuseWithoutSession(): Promise<Response | undefined> {
  return isAdmitted(await currentViewer()) ? undefined : jsonError(401, "auth:required", SIGN_IN_REQUIRED);
}

export type AllowedConnections = { ok: true; connections: Connection[] } | { ok: false; response: Response };

/** 401 without a session, 403 for what the deployment's allow-list refuses, 400 for an id that cannot be used. */
function refusal(error: UiError): Response {
  const status = error.code === "auth:required" ? 401 : error.code === "connection:not-allowed" ? 403 : 400;
  return jsonError(status, error.code, `${error.message} ${error.hint}`.trim());
}

/**
 * The allow-list door of a route that reads AWS (home-page counts, sweep): every named region is checked, then each
 * connection opened (session, allow-list, credentials source), all before any AWS call. The first refusal is the
 * route's JSON answer.
 */
export async function openAllowedConnections(ids: readonly string[], regions: readonly string[]): Promise<AllowedConnections> {
  for (const region of regions) {
    const allowed = checkRegion(region);
    if (!allowed.ok) return { ok: false, response: refusal(allowed.error) };
  }
  const connections: Connection[] = [];
  for (const id of ids) {
    const opened = await openConnectionById(id);
    if (!opened.ok) return { ok: false, response: refusal(opened.error) };
    connections.push(opened.connection);
  }
  return { ok: true, connections };
}
