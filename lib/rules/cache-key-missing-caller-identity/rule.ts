import type { ApiModel, MethodModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { includesIgnoreCase } from "@/lib/rules/support/cors-headers";
import { draftMethod, redeploy, servedMethod } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { CACHE_EVERYTHING_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { authorizerOf } from "@/lib/rules/support/request-headers";
import { cachedMethods } from "@/lib/rules/support/stage-cache";

export const cacheKeyMissingCallerIdentity: Rule = {
  meta: {
    id: "cache-key-missing-caller-identity",
    title: "Stage cache serves one caller's authorized response to another",
    severity: "high",
    category: "stage-cache",
    confidence: "heuristic",
    browserSends:
      "Two signed-in users call the same authorized GET (same path, same query) within the cache TTL, each with their own token.",
    gatewayAnswers:
      "The first response is cached under a key built only from the cache key parameters; the second user gets the first user's response from the cache, without the integration being called.",
    why: "API Gateway authorizes each request, then looks up the stage cache by the method's cache key parameters. Unless the caller's identity (e.g. method.request.header.Authorization) is one of them, every authorized caller shares one entry. Heuristic: a response that does not depend on the caller is safe to share.",
    docs: [DOCS.caching, DOCS.methodSetting],
    peers: [],
    disagreeingPeers: CACHE_EVERYTHING_PEERS,
    messages: {
      shared:
        "Stage {{stage}} caches {{method}} {{path}} for {{ttl}} s, which uses {{authorization}}, but its cache key ({{keys}}) does not include {{identity}}.",
      // SigV4's Authorization header carries a signature over X-Amz-Date, so it differs on every request.
      iamShared:
        "Stage {{stage}} caches {{method}} {{path}} for {{ttl}} s, which uses AWS_IAM, and its cache key ({{keys}}) does not identify the caller. Keying on the SigV4 Authorization header would not help (the signature changes with every request): turn caching off for this method.",
      iamKeyed:
        "Stage {{stage}} caches {{method}} {{path}} keyed on the SigV4 Authorization header, whose signature changes with every request: the cache never hits. Turn caching off for this method.",
    },
    fixable: true,
    requires: ["resources", "stages"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const stage of model.stages) {
      for (const setting of cachedMethods(stage)) {
        const served = servedMethod(model, stage, setting.path, setting.httpMethod);
        const method = draftMethod(model, setting.path, setting.httpMethod);
        if (!served || served.authorizationType === "NONE" || !method) continue;
        const keys = method.integration?.cacheKeyParameters ?? [];
        const identity = identityParameters(model, method);
        const keyed = identity.some((parameter) => includesIgnoreCase(keys, parameter));
        if (served.authorizationType === "AWS_IAM") {
          findings.push(iamFinding(stage.name, setting, method, keys, keyed));
          continue;
        }
        if (keyed) continue;
        const parameter = identity[0] ?? "method.request.header.Authorization";
        findings.push({
          messageId: "shared",
          data: {
            stage: stage.name,
            method: setting.httpMethod,
            path: setting.path,
            ttl: setting.cacheTtlInSeconds,
            authorization: served.authorizationType,
            keys: keys.length > 0 ? keys.join(", ") : "no parameters",
            identity: identity.join(" or ") || parameter,
          },
          symptom: `A user calling ${setting.httpMethod} ${setting.path} on ${stage.name} can receive another user's response, cached for up to ${setting.cacheTtlInSeconds} s.`,
          target: { resourceId: method.resourceId, path: setting.path, httpMethod: setting.httpMethod, stage: stage.name },
          stages: [stage.name],
          draftOnly: false,
          evidence: {
            cachingEnabled: true,
            cacheTtlInSeconds: setting.cacheTtlInSeconds,
            settingSource: setting.source,
            authorizationType: served.authorizationType,
            cacheKeyParameters: keys,
            callerIdentityParameters: identity,
          },
          fixes: [
            {
              kind: "add-cache-key-parameter",
              resourceId: method.resourceId,
              path: method.path,
              httpMethod: method.httpMethod,
              parameter,
              existingCacheKeyParameters: keys,
            },
            ...redeploy([stage.name], `Deploy the cache key of ${method.httpMethod} ${method.path} with the caller's identity`),
          ],
        });
      }
    }
    return findings;
  },
};

/**
 * AWS_IAM: the caller's identity is in a SigV4 signature that changes with every request (it covers
 * X-Amz-Date), so no cache key parameter identifies the caller and keying on Authorization makes every
 * request a miss. Disabling caching for the method is the fix (API_MethodSetting.html, caching/enabled).
 */
function iamFinding(
  stage: string,
  setting: { path: string; httpMethod: MethodModel["httpMethod"]; cacheTtlInSeconds: number; source: string },
  method: MethodModel,
  keys: string[],
  keyed: boolean,
): FindingDraft {
  return {
    messageId: keyed ? "iamKeyed" : "iamShared",
    data: {
      stage,
      method: setting.httpMethod,
      path: setting.path,
      ttl: setting.cacheTtlInSeconds,
      keys: keys.length > 0 ? keys.join(", ") : "no parameters",
    },
    symptom: keyed
      ? `${setting.httpMethod} ${setting.path} on ${stage} pays for a cache that never answers.`
      : `A signed caller of ${setting.httpMethod} ${setting.path} on ${stage} can receive another caller's response, cached for up to ${setting.cacheTtlInSeconds} s.`,
    target: { resourceId: method.resourceId, path: setting.path, httpMethod: setting.httpMethod, stage },
    stages: [stage],
    draftOnly: false,
    ...(keyed ? { severity: "low" as const } : {}),
    evidence: {
      cachingEnabled: true,
      cacheTtlInSeconds: setting.cacheTtlInSeconds,
      settingSource: setting.source,
      authorizationType: "AWS_IAM",
      cacheKeyParameters: keys,
    },
    fixes: [
      {
        kind: "set-stage-method-setting",
        stage,
        path: method.path,
        httpMethod: method.httpMethod,
        setting: "caching/enabled",
        value: false,
      },
    ],
  };
}

/** Request parameters that identify the caller: the authorizer's header and query identity sources, or the SigV4 Authorization header. */
function identityParameters(model: ApiModel, method: MethodModel): string[] {
  const authorizer = authorizerOf(model, method);
  if (method.authorizationType === "AWS_IAM" || !authorizer) return ["method.request.header.Authorization"];
  return authorizer.identitySources.flatMap((s) =>
    s.location === "header"
      ? [`method.request.header.${s.name}`]
      : s.location === "querystring"
        ? [`method.request.querystring.${s.name}`]
        : [],
  );
}
