import type { MethodModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { draftMethod, redeploy, servedMethod } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { cachedMethods } from "@/lib/rules/support/stage-cache";

export const cacheKeyMissingRequestParameters: Rule = {
  meta: {
    id: "cache-key-missing-request-parameters",
    title: "Stage cache key misses the path or query parameters of a cached method",
    severity: "high",
    category: "stage-cache",
    confidence: "certain",
    browserSends: "GET /orders/1, then GET /orders/2 (or ?page=1 then ?page=2) within the cache TTL.",
    gatewayAnswers: "The second request is answered from the cache with the first request's response: the integration is not called.",
    why: "API Gateway builds a cached method's cache key from the stage, the method and the integration's cache key parameters only. A path parameter is part of the key only when it is listed (method.request.path.id); a query string parameter likewise. Anything left out is shared: /orders/1 and /orders/2 get one cache entry. The console adds path parameters for you; CloudFormation, SAM, Terraform and CDK do not.",
    docs: [
      DOCS.caching,
      {
        title: "API Gateway API reference: Integration (cacheKeyParameters)",
        url: "https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html",
      },
    ],
    peers: [],
    messages: {
      path: "Stage {{stage}} caches {{method}} {{path}} for {{ttl}} s but its cache key leaves out {{missing}}: requests that differ only there share one cached response.",
      query:
        "Stage {{stage}} caches {{method}} {{path}} for {{ttl}} s but its cache key leaves out the declared {{missing}}: if the response depends on them, requests that differ only there share one cached response.",
    },
    fixable: true,
    requires: ["resources", "stages"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const stage of model.stages) {
      for (const setting of cachedMethods(stage)) {
        const method = draftMethod(model, setting.path, setting.httpMethod);
        if (!method || !servedMethod(model, stage, setting.path, setting.httpMethod)) continue;
        const keys = method.integration?.cacheKeyParameters ?? [];
        const missingPath = pathParameters(method.path).filter((p) => !keys.includes(p));
        const missingQuery = queryParameters(method).filter((p) => !keys.includes(p));
        const missing = [...missingPath, ...missingQuery];
        if (missing.length === 0) continue;
        const onPath = missingPath.length > 0;
        findings.push({
          messageId: onPath ? "path" : "query",
          data: {
            stage: stage.name,
            method: setting.httpMethod,
            path: setting.path,
            ttl: setting.cacheTtlInSeconds,
            missing: joinWords(missing),
          },
          symptom: onPath
            ? `${setting.httpMethod} ${setting.path} on ${stage.name} answers one ${missingPath.map((p) => p.split(".").pop()).join("/")}'s request with another's cached response for up to ${setting.cacheTtlInSeconds} s.`
            : `${setting.httpMethod} ${setting.path} on ${stage.name} may answer ?${missingQuery.map((p) => p.split(".").pop()).join("&")}=… requests with a response cached for other values.`,
          target: { resourceId: method.resourceId, path: setting.path, httpMethod: setting.httpMethod, stage: stage.name },
          stages: [stage.name],
          draftOnly: false,
          evidence: {
            cachingEnabled: true,
            cacheTtlInSeconds: setting.cacheTtlInSeconds,
            cacheKeyParameters: keys,
            missingPathParameters: missingPath,
            missingQueryParameters: missingQuery,
          },
          // A declared query string may not change the response (tracking parameters), so it is medium;
          // a path parameter names the resource itself.
          ...(onPath ? {} : { severity: "medium" as const }),
          fixes: [
            ...missing.map((parameter) => ({
              kind: "add-cache-key-parameter" as const,
              resourceId: method.resourceId,
              path: method.path,
              httpMethod: method.httpMethod,
              parameter,
              existingCacheKeyParameters: keys,
            })),
            ...redeploy([stage.name], `Deploy the cache key of ${method.httpMethod} ${method.path} with its request parameters`),
          ],
        });
      }
    }
    return findings;
  },
};

/** "/orders/{id}/lines/{proxy+}" → method.request.path.id, method.request.path.proxy. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^{}+]+)\+?\}/g)].map((m) => `method.request.path.${m[1]}`);
}

function queryParameters(method: MethodModel): string[] {
  return Object.keys(method.requestParameters).filter(
    (p) => p.startsWith("method.request.querystring.") || p.startsWith("method.request.multivaluequerystring."),
  );
}
