import type { AuthorizerModel, IdentitySource } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

const SAM_IDENTITY = {
  title: "AWS SAM LambdaRequestAuthorizationIdentity (Context, StageVariables, Headers, QueryStrings, ReauthorizeEvery)",
  url: "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-lambdarequestauthorizationidentity.html",
};

export const requestAuthorizerKeyedOnRoute: Rule = {
  meta: {
    id: "request-authorizer-keyed-on-route",
    title: "REQUEST authorizer cache keyed on the route only: one caller's answer is served to every caller",
    severity: "high",
    category: "authorizer-cache",
    confidence: "certain",
    browserSends:
      "Caller A (signed in) calls a method; within the TTL, caller B — with other credentials or none at all — calls the same method.",
    gatewayAnswers:
      "The authorizer result is cached under the identity-source values only. When they are all route values (context.httpMethod, context.resourcePath, stage variables…), caller B gets caller A's cached Allow without the Lambda running — or, when the first caller was a preflight or a rejected user, everyone gets the cached Deny (403) for the TTL.",
    why: "For a REQUEST authorizer with caching on, API Gateway derives the authorization cache key from the identity sources and invokes the Lambda only on a cache miss. Identity sources that carry no credential (context variables such as httpMethod or resourcePath, or stage variables) make the key the same for every caller of a route, so the first caller's result is reused for all of them until the TTL runs out. It is a broken access control, not a performance tweak. Add the credential (a header or query string) to the identity sources, or disable caching (TTL 0).",
    docs: [DOCS.authorizer, SAM_IDENTITY, DOCS.cachedPolicy],
    peers: [],
    messages: {
      routeKeyed:
        "Lambda REQUEST authorizer '{{name}}' caches its result for {{ttl}} s keyed only on {{sources}}, which carry no credential: the first caller's Allow or Deny on {{methods}} is served to every caller of that route.",
    },
    fixable: true,
    requires: ["resources", "authorizers"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const authorizer of model.authorizers) {
      if (!isRouteKeyed(authorizer)) continue;
      const methods = model.resources
        .flatMap((r) => r.methods)
        .filter((m) => m.authorizerId === authorizer.id && m.authorizationType === "CUSTOM");
      if (methods.length === 0) continue;
      const names = methods.map((m) => `${m.httpMethod} ${m.path}`);
      const stages = [
        ...new Set(methods.flatMap((m) => stagesWhere(model, m.path, m.httpMethod, (served) => served.authorizationType === "CUSTOM"))),
      ];
      const ttl = authorizer.effectiveTtlSeconds;
      const sources = authorizer.identitySources.map((s) => s.expression);
      findings.push({
        messageId: "routeKeyed",
        data: {
          name: authorizer.name,
          ttl,
          sources: joinWords(sources),
          methods: names.length > 4 ? `${names.slice(0, 4).join(", ")}, …` : joinWords(names),
        },
        symptom: `For up to ${ttl} s after one user calls ${names[0]}, any other caller — even without credentials — gets the same authorization answer from authorizer '${authorizer.name}'.`,
        target: { authorizerId: authorizer.id },
        stages,
        draftOnly: stages.length === 0,
        evidence: {
          authorizerType: authorizer.type,
          effectiveTtlSeconds: ttl,
          configuredTtlSeconds: authorizer.configuredTtlSeconds ?? null,
          identitySources: sources,
          methods: names,
        },
        fixes: [
          { kind: "set-authorizer-ttl", authorizerId: authorizer.id, authorizerName: authorizer.name, fromSeconds: ttl, toSeconds: 0 },
          ...stages.map((stage) => ({ kind: "flush-authorizer-cache" as const, stage })),
        ],
      });
    }
    return findings;
  },
};

/**
 * A cached REQUEST authorizer whose every identity source is a stage variable or a context variable
 * other than the caller's own ($context.identity.*, e.g. sourceIp, which differs between callers).
 */
export function isRouteKeyed(authorizer: AuthorizerModel): boolean {
  if (authorizer.type !== "REQUEST" || authorizer.effectiveTtlSeconds <= 0 || authorizer.identitySources.length === 0) return false;
  return authorizer.identitySources.every(carriesNoCallerIdentity);
}

function carriesNoCallerIdentity(source: IdentitySource): boolean {
  if (source.location === "stageVariable") return true;
  return source.location === "context" && !/^identity\./i.test(source.name) && !/^authorizer\./i.test(source.name);
}
