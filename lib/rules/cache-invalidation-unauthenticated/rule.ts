import type { Rule } from "@/lib/rules/types";
import { DOCS } from "@/lib/rules/support/docs";
import { stageSettingFindings } from "@/lib/rules/support/stage-setting-findings";

export const cacheInvalidationUnauthenticated: Rule = {
  meta: {
    id: "cache-invalidation-unauthenticated",
    title: "Any client can invalidate cached responses",
    severity: "medium",
    category: "stage-cache",
    confidence: "certain",
    browserSends: "Any client — no IAM credentials needed — sends the request with Cache-Control: max-age=0.",
    gatewayAnswers:
      "With requireAuthorizationForCacheControl false, API Gateway drops the cache entry and calls the integration, for every such request.",
    why: "Per-key cache invalidation is meant for callers allowed execute-api:InvalidateCache. Left open, anyone can bypass the cache on demand and push the full load onto the backend. The unauthorized-request strategies SUCCEED_WITH_RESPONSE_HEADER and SUCCEED_WITHOUT_RESPONSE_HEADER ignore the header (no invalidation) and are not flagged.",
    docs: [DOCS.caching, DOCS.methodSetting],
    peers: [],
    messages: {
      stageWide: "Stage {{stage}} caches {{methods}} and does not require authorization to invalidate cache entries.",
      method: "Stage {{stage}} caches {{methods}} with an override that does not require authorization to invalidate its cache entries.",
    },
    fixable: true,
    requires: ["stages"],
  },

  check({ model }) {
    return stageSettingFindings(
      model,
      (s) => !s.requireAuthorizationForCacheControl,
      { setting: "caching/requireAuthorizationForCacheControl", value: true },
      (stage, methods, scope) => ({
        messageId: scope === "stage" ? "stageWide" : "method",
        data: { stage: stage.name, methods },
        symptom: `Anyone can send Cache-Control: max-age=0 to ${methods} on ${stage.name} and make every request reach the backend.`,
      }),
      (s) => ({
        requireAuthorizationForCacheControl: s.requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy: s.unauthorizedCacheControlHeaderStrategy,
      }),
    );
  },
};
