import type { FindingDraft, Rule } from "@/lib/rules/types";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { compilePolicy, parsePolicy } from "@/lib/rules/support/resource-policy";
import { NO_FIXES, stageLists } from "@/lib/rules/support/shared-parts";
import { verbPhrases } from "@/lib/rules/support/verb-phrases";
import type { ApiModel, DeployedMethodSummary, IntegrationType, MethodModel } from "@/lib/model/types";

export const methodOpenToEveryone: Rule = {
  meta: {
    id: "method-open-to-everyone",
    title: "Method open to everyone",
    severity: "info",
    category: "exposure",
    confidence: "certain",
    browserSends: "Any client, signed in or not, calls the method.",
    gatewayAnswers: "API Gateway passes the request to the integration: no authorizer, no IAM signature, no API key.",
    why: "Often intended (a public catalogue, a login endpoint), so this is information, not a defect. OPTIONS with authorization NONE and no API key is correct and is never reported: a preflight carries no credentials. Not reported on a PRIVATE endpoint (only callers inside the VPC reach it) or where the resource policy refuses anonymous callers; said to depend on the caller when the policy's conditions do (source IP, VPC endpoint). Same condition as Checkov CKV_AWS_59.",
    docs: [DOCS.checkov59, DOCS.cors],
    peers: [{ tool: "Checkov", id: "CKV_AWS_59" }],
    messages: {
      open: "{{method}} {{path}} has authorization NONE and requires no API key.",
      conditional:
        "{{method}} {{path}} has authorization NONE and requires no API key; the resource policy limits who reaches it ({{reason}}).",
    },
    fixable: false,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    // A PRIVATE endpoint is reachable only through an interface VPC endpoint (apigateway-private-apis.html).
    if (model.api.endpointTypes.includes("PRIVATE")) return findings;
    // Built once for all methods: the policy was parsed again for each method and stage (issue 16).
    const access = model.api.policy ? policyAccess(model, model.api.policy) : undefined;
    // Every open method's finding has one of few stage lists and evidence records: shared, not one each (shared-parts.ts).
    const shared = stageLists();
    let evidence: OpenEvidence | undefined;
    for (const resource of model.resources)
      for (const method of resource.methods) {
        if (method.httpMethod === "OPTIONS" || method.authorizationType !== "NONE" || method.apiKeyRequired) continue;
        const policy = access ? access(method) : OPEN;
        if (policy.kind === "denied") continue;
        const stages = shared(stagesWhere(model, method.path, method.httpMethod, servedOpen));
        const integrationType = method.integration?.type ?? null;
        // The last record while the integration type is the same (consecutive methods mostly share it).
        if (evidence === undefined || evidence.integrationType !== integrationType)
          evidence = { authorizationType: "NONE", apiKeyRequired: false, integrationType };
        findings.push({
          messageId: policy.kind,
          data:
            policy.kind === "conditional"
              ? { method: method.httpMethod, path: method.path, reason: policy.reason }
              : { method: method.httpMethod, path: method.path },
          symptom: ANYONE_CAN_CALL(method.httpMethod) + method.path + " without credentials.",
          target: { resourceId: method.resourceId, path: method.path, httpMethod: method.httpMethod },
          stages,
          draftOnly: stages.length === 0,
          evidence,
          fixes: NO_FIXES,
        });
      }
    return findings;
  },
};

// "Anyone can call GET ": one string per verb, each finding adding only its path (verb-phrases.ts).
const ANYONE_CAN_CALL = verbPhrases("Anyone can call ");

/** A type, not an interface, so that it is a finding's evidence record. */
type OpenEvidence = {
  authorizationType: "NONE";
  apiKeyRequired: false;
  integrationType: IntegrationType | null;
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
