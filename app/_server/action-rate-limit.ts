import "server-only";
import { headers } from "next/headers";
import { clientKey, clientRateLimiter, rateLimitMessage, type LimitedOperation } from "./client-rate-limit";
import type { Viewer } from "./session";

/**
 * For server actions: the refusal message when this client is over its limit. An action called outside an HTTP
 * request (a unit test, a script) has no client to limit.
 */
export async function actionRateLimitRefusal(operation: LimitedOperation, viewer: Viewer): Promise<string | undefined> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return undefined;
  }
  const email = viewer.signInRequired ? viewer.user?.email : undefined;
  const taken = clientRateLimiter().take(operation, clientKey(requestHeaders, email));
  return taken.ok ? undefined : rateLimitMessage(operation, taken.retryAfterSeconds);
}
