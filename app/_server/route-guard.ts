import "server-only";
import { jsonError } from "./downloads";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "./session";

/** A route handler's own session check (401 JSON), so a route never relies on the proxy alone. */
export async function refuseWithoutSession(): Promise<Response | undefined> {
  return isAdmitted(await currentViewer()) ? undefined : jsonError(401, "auth:required", SIGN_IN_REQUIRED);
}
