import type { FixIntent } from "@/lib/remediation/intents";
import type { AuthorizerModel, MethodModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

export const cachedAuthorizerSharedAcrossMethods: Rule = {
  meta: {
    id: "cached-authorizer-shared-across-methods",
    title: "Cached Lambda authorizer shared across methods",
    // Info: the policy the Lambda returns is invisible to a configuration audit, and the same
    // configuration is correct when the Lambda covers the stage; the finding is a prompt to check.
    severity: "info",
    category: "authorizer-cache",
    confidence: "heuristic",
    browserSends:
      "The same caller (same token, or same identity-source values) calls several methods or paths within the authorizer's TTL.",
    gatewayAnswers:
      'The first call invokes the Lambda and caches the policy it returns. Later calls reuse that policy; if its Resource names only the first method ARN, they get 403 {"message":"User is not authorized to access this resource"} until the TTL runs out — then work again.',
    why: "The result cache is keyed on the token (TOKEN) or the identity-source values (REQUEST), not on the method, so one cached policy answers every method the authorizer protects. The TTL defaults to 300 s when unset. Preflight cannot see the Lambda's code: the finding holds when it builds the policy from event.methodArn, as the blueprints do. A policy covering the stage (arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/*/*), a TTL of 0, or route context in a REQUEST authorizer's identity sources makes it safe.",
    docs: [DOCS.cachedPolicy, DOCS.authorizer],
    peers: [],
    messages: {
      shared:
        "Lambda {{type}} authorizer '{{name}}' caches its policy for {{ttl}} s and protects {{count}} methods ({{methods}}): a policy scoped to the called method ARN is reused for the others.",
      greedy:
        "Lambda {{type}} authorizer '{{name}}' caches its policy for {{ttl}} s and protects {{methods}}, which serves many paths: a policy scoped to the called path is reused for other paths.",
    },
    fixable: true,
    requires: ["resources", "authorizers"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const authorizer of model.authorizers) {
      if (authorizer.type === "COGNITO_USER_POOLS" || authorizer.effectiveTtlSeconds <= 0 || keysOnRoute(authorizer)) continue;
      const methods = model.resources
        .flatMap((r) => r.methods)
        .filter((m) => m.authorizerId === authorizer.id && m.authorizationType === "CUSTOM");
      const greedy = methods.filter((m) => m.httpMethod === "ANY" || /\{[^}]+\+\}/.test(m.path));
      if (methods.length < 2 && greedy.length === 0) continue;
      const names = methods.map((m) => `${m.httpMethod} ${m.path}`);
      const stages = [
        ...new Set(methods.flatMap((m) => stagesWhere(model, m.path, m.httpMethod, (served) => served.authorizationType === "CUSTOM"))),
      ].filter((stage) => model.stages.some((s) => s.name === stage));
      const first = methods[0];
      const second = methods[1] ?? first;
      const ttl = authorizer.effectiveTtlSeconds;
      findings.push({
        messageId: methods.length >= 2 ? "shared" : "greedy",
        data: {
          type: authorizer.type,
          name: authorizer.name,
          ttl,
          count: methods.length,
          methods: names.length > 4 ? `${names.slice(0, 4).join(", ")}, …` : joinWords(names),
        },
        symptom: symptomFor(authorizer, first, second),
        target: { authorizerId: authorizer.id },
        stages,
        draftOnly: stages.length === 0,
        evidence: {
          authorizerType: authorizer.type,
          configuredTtlSeconds: authorizer.configuredTtlSeconds ?? null,
          effectiveTtlSeconds: ttl,
          identitySources: authorizer.identitySources.map((s) => s.expression),
          methods: names,
        },
        fixes: fixesFor(model.api, authorizer, stages, methods),
      });
    }
    return findings;
  },
};

/** A REQUEST authorizer keyed on the method and the resource caches one entry per route. */
function keysOnRoute(authorizer: AuthorizerModel): boolean {
  const context = authorizer.identitySources.filter((s) => s.location === "context").map((s) => s.name.toLowerCase());
  return context.includes("httpmethod") && (context.includes("resourcepath") || context.includes("resourceid") || context.includes("path"));
}

function symptomFor(authorizer: AuthorizerModel, first: MethodModel | undefined, second: MethodModel | undefined): string {
  const ttl = authorizer.effectiveTtlSeconds;
  const a = first ? `${first.httpMethod} ${first.path}` : "one method";
  const b = second && second !== first ? `${second.httpMethod} ${second.path}` : `another path under ${first?.path ?? "it"}`;
  return `A signed-in user who calls ${a} and then ${b} within ${ttl} s can get 403 {"message":"User is not authorized to access this resource"} on the second call, then succeed after the TTL — if authorizer '${authorizer.name}' returns a policy for only the called method.`;
}

function fixesFor(
  api: { id: string; region: string; accountId?: string },
  authorizer: AuthorizerModel,
  stages: string[],
  methods: MethodModel[],
): FixIntent[] {
  const stage = stages.length === 1 ? stages[0] : "*";
  const resourceArnPattern = `arn:aws:execute-api:${api.region}:${api.accountId ?? "<account-id>"}:${api.id}/${stage}/*/*`;
  const type = authorizer.type === "REQUEST" ? "REQUEST" : "TOKEN";
  return [
    {
      kind: "widen-authorizer-policy",
      authorizerId: authorizer.id,
      authorizerName: authorizer.name,
      authorizerType: type,
      resourceArnPattern,
      allowOptions: type === "REQUEST" && methods.some((m) => m.httpMethod === "OPTIONS"),
      ...(authorizer.lambdaFunctionArn !== undefined ? { lambdaFunctionArn: authorizer.lambdaFunctionArn } : {}),
    },
    {
      kind: "set-authorizer-ttl",
      authorizerId: authorizer.id,
      authorizerName: authorizer.name,
      fromSeconds: authorizer.effectiveTtlSeconds,
      toSeconds: 0,
    },
    ...stages.map((s): FixIntent => ({ kind: "flush-authorizer-cache", stage: s })),
  ];
}
