import type { Rule } from "@/lib/rules/types";
import { DOCS } from "@/lib/rules/support/docs";
import { stageSettingFindings } from "@/lib/rules/support/stage-setting-findings";

export const cacheDataNotEncrypted: Rule = {
  meta: {
    id: "cache-data-not-encrypted",
    title: "Cached responses are not encrypted at rest",
    severity: "low",
    category: "stage-cache",
    confidence: "certain",
    browserSends: "Nothing different: this concerns responses API Gateway keeps in the stage cache.",
    gatewayAnswers: "Cached responses are stored unencrypted in the stage's cache cluster.",
    why: "Caching stores whole responses, often with personal data, for the TTL. Encrypting the cache data protects them at rest; Security Hub control APIGateway.5 fails any stage that caches a method without it.",
    docs: [DOCS.caching, DOCS.securityHub],
    peers: [
      { tool: "Security Hub", id: "APIGateway.5" },
      { tool: "Prowler", id: "apigateway_restapi_cache_encrypted" },
    ],
    messages: {
      stageWide: "Stage {{stage}} caches {{methods}} without encrypting the cache data.",
      method: "Stage {{stage}} caches {{methods}} through an override that does not encrypt the cache data.",
    },
    fixable: true,
    requires: ["stages"],
  },

  check({ model }) {
    return stageSettingFindings(
      model,
      (s) => !s.cacheDataEncrypted,
      { setting: "caching/dataEncrypted", value: true },
      (stage, methods, scope) => ({
        messageId: scope === "stage" ? "stageWide" : "method",
        data: { stage: stage.name, methods },
        symptom: `Responses of ${methods} on ${stage.name} sit unencrypted in the stage cache.`,
      }),
      (s) => ({ cacheDataEncrypted: s.cacheDataEncrypted, cacheTtlInSeconds: s.cacheTtlInSeconds }),
    );
  },
};
