import { clearAuthorizerCache } from "./authorizer-cache";
import { clearStageResponseCache } from "./stage-cache";

/**
 * The data plane's caches live for the process, keyed by API id and stage; an emulator reset must
 * clear them or a reseeded API (same ids) would inherit cached policies and responses.
 */
export function resetDataPlaneCaches(): void {
  clearAuthorizerCache();
  clearStageResponseCache();
}
