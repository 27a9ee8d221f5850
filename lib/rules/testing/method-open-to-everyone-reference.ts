/**
 * method-open-to-everyone as it was before its findings shared their equal parts (issue 16), kept as the oracle of
 * shared-parts-differential.test.ts: the same findings, byte for byte, on every model. Only the meta is the rule's own.
 */
import { methodOpenToEveryone } from "@/lib/rules/method-open-to-everyone/rule";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { compilePolicy, parsePolicy } from "@/lib/rules/support/resource-policy";
import type { ApiModel, DeployedMethodSummary, MethodModel } from "@/lib/model/types";

export const methodOpenToEveryoneReference: Rule = {
  meta: methodOpenToEveryone.meta,

  check({ model }) {
    const findings: FindingDraft[] = [];
    // A PRIVATE endpoint is reachable only through an interface VPC endpoint (apigateway-private-apis.html).
    if (model.api.endpointTypes.includes("PRIVATE")) return findings;
    // Built once for all methods: the policy was parsed again for each method and stage (issue 16).
    const access = model.api.policy ? policyAccess(model, model.api.policy) : undefined;
    for (const resource of model.resources)
      for (const method of resource.methods) {
        if (method.httpMethod === "OPTIONS" || method.authorizationType !== "NONE" || method.apiKeyRequired) continue;
        const policy = access ? access(method) : OPEN;
        if (policy.kind === "denied") continue;
        const stages = stagesWhere(model, method.path, method.httpMethod, servedOpen);
        findings.push({
          messageId: policy.kind,
          data:
            policy.kind === "conditional"
              ? { method: method.httpMethod, path: method.path, reason: policy.reason }
              : { method: method.httpMethod, path: method.path },
          symptom: `Anyone can call ${method.httpMethod} ${method.path} without credentials.`,
          target: { resourceId: method.resourceId, path: method.path, httpMethod: method.httpMethod },
          stages,
          draftOnly: stages.length === 0,
          evidence: { authorizationType: "NONE", apiKeyRequired: false, integrationType: method.integration?.type ?? null },
          fixes: [],
        });
      }
    return findings;
  },
};

/** A stage serves the method without authorization or API key. */
function servedOpen(served: DeployedMethodSummary): boolean {
  return served.authorizationType === "NONE" && !served.apiKeyRequired;
}

type AnonymousAccess = { kind: "open" } | { kind: "denied" } | { kind: "conditional"; reason: string };

// Shared verdicts: the check runs once per method (6,667 open methods in bench:core) and only reads them.
const OPEN: AnonymousAccess = { kind: "open" };
const DENIED: AnonymousAccess = { kind: "denied" };

/**
 * Whether the resource policy lets an anonymous caller invoke a method (any stage, a sample path): the policy compiled
 * once and each stage's ARN prefix built once, for all the methods of the API.
 */
function policyAccess(model: ApiModel, policyText: string): (method: MethodModel) => AnonymousAccess {
  const accountId = model.api.accountId ?? "*";
  const verdict = compilePolicy(parsePolicy(policyText), {
    region: model.api.region,
    accountId,
    apiId: model.api.id,
    privateEndpoint: false,
  });
  const stages = model.stages.length > 0 ? model.stages.map((s) => s.name) : ["*"];
  const prefixes = stages.map((stage) => `arn:aws:execute-api:${model.api.region}:${accountId}:${model.api.id}/${stage}/`);
  return (method) => {
    const path = samplePath(method.path);
    const verb = method.httpMethod === "ANY" ? "GET" : method.httpMethod;
    const verdicts = prefixes.map((prefix) => verdict(`${prefix}${verb}/${path}`));
    if (verdicts.some((v) => v.kind === "allowed" || v.kind === "invalid")) return OPEN;
    const undecided = verdicts.find((v) => v.kind === "not-evaluated");
    if (undecided && "reason" in undecided) return { kind: "conditional", reason: undecided.reason };
    return DENIED;
  };
}

/** "/orders/{id}/{proxy+}" → "orders/example/example/path": a request path the method's resource matches. */
function samplePath(resourcePath: string): string {
  const path = resourcePath.includes("{")
    ? resourcePath.replace(/\{[^{}]+\+\}/g, "example/path").replace(/\{[^{}]+\}/g, "example")
    : resourcePath;
  return path.startsWith("/") ? path.slice(1) : path;
}
