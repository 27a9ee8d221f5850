import type { Rule } from "@/lib/rules/types";
import { DOCS } from "@/lib/rules/support/docs";
import { DOCS2 } from "@/lib/rules/support/docs-second-edition";
import { stageSettingFindings } from "@/lib/rules/support/stage-setting-findings";

export const cacheControlFailsWith403: Rule = {
  meta: {
    id: "cache-control-fails-with-403",
    title: 'A browser\'s reload or fetch(…, { cache: "no-cache" }) is answered 403 by a cached method',
    severity: "medium",
    category: "stage-cache",
    confidence: "certain",
    browserSends:
      'fetch(url, { cache: "no-cache" }) adds Cache-Control: max-age=0 to the request (Fetch standard, HTTP-network-or-cache fetch); a forced reload sends the same header. Neither is SigV4-signed.',
    gatewayAnswers:
      '403 {"message":"…"} (ACCESS_DENIED): the caller asked to invalidate the cache entry without the execute-api:InvalidateCache permission, and the stage says FAIL_WITH_403.',
    why: "API Gateway treats Cache-Control: max-age=0 on a cached method as a request to invalidate that cache entry. When per-key invalidation requires authorization, only a signed caller allowed execute-api:InvalidateCache may do it; with the unauthorized-request strategy FAIL_WITH_403 everyone else gets 403 instead of the response. Browsers and HTTP libraries send that header on their own, so ordinary users see intermittent 403s that no authorizer explains. SUCCEED_WITH_RESPONSE_HEADER keeps invalidation protected and answers from the cache with a Warning header.",
    docs: [DOCS.caching, DOCS.methodSetting, DOCS2.fetchCacheMode, DOCS2.cacheInvalidationSigned],
    peers: [],
    messages: {
      stageWide:
        'Stage {{stage}} caches {{methods}} and answers an unauthorized Cache-Control: max-age=0 with 403 (FAIL_WITH_403): a browser reload or fetch with cache "no-cache" fails.',
      method:
        'Stage {{stage}} caches {{methods}} with an override that answers an unauthorized Cache-Control: max-age=0 with 403 (FAIL_WITH_403): a browser reload or fetch with cache "no-cache" fails.',
    },
    fixable: true,
    requires: ["stages"],
  },

  check({ model }) {
    return stageSettingFindings(
      model,
      // requireAuthorizationForCacheControl false lets anyone invalidate (cache-invalidation-unauthenticated), so no 403.
      (s) => s.requireAuthorizationForCacheControl && s.unauthorizedCacheControlHeaderStrategy === "FAIL_WITH_403",
      { setting: "caching/unauthorizedCacheControlHeaderStrategy", value: "SUCCEED_WITH_RESPONSE_HEADER" },
      (stage, methods, scope) => ({
        messageId: scope === "stage" ? "stageWide" : "method",
        data: { stage: stage.name, methods },
        symptom: `A user who reloads, or an app that fetches with cache "no-cache", gets 403 from ${methods} on ${stage.name}.`,
      }),
      (s) => ({
        requireAuthorizationForCacheControl: s.requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy: s.unauthorizedCacheControlHeaderStrategy,
      }),
    );
  },
};
