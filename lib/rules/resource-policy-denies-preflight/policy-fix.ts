import type { ApiModel } from "@/lib/model/types";
import type { SetRestApiPolicyIntent } from "@/lib/remediation/intents";
import { globMatch } from "@/lib/rules/support/glob-match";
import { expandResource, parsePolicy } from "@/lib/rules/support/resource-policy";

// Verbs an actual request can have; OPTIONS is left out so a Deny keeps covering everything else.
const NON_PREFLIGHT_VERBS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
const PREFLIGHT_ALLOW = {
  Sid: "AllowCorsPreflight",
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*/OPTIONS/*",
};

/**
 * The resource policy with the preflight let through and nothing else opened: a Deny whose resources
 * cover OPTIONS is narrowed to the other verbs (a pattern "…/stage/*\/path" becomes one per verb; a NotResource
 * gains the OPTIONS pattern), and an Allow for anonymous OPTIONS is added. A MOCK preflight only returns
 * CORS headers, so letting everyone reach it exposes nothing. IAM has no "except" for Deny, hence the rewrite.
 */
export function preflightPolicyFix(model: ApiModel, policyText: string): SetRestApiPolicyIntent | undefined {
  const parsed = parsePolicy(policyText);
  if (!parsed.ok) return undefined;
  const document = JSON.parse(policyText) as { Version?: unknown; Statement?: unknown };
  const changes: string[] = [];
  const request = { region: model.api.region, accountId: model.api.accountId ?? "*", apiId: model.api.id };
  const statements = parsed.statements.map((statement, index) => {
    if (statement.Effect !== "Deny") return statement;
    const name = typeof statement.Sid === "string" && statement.Sid ? `"${statement.Sid}"` : `#${index + 1}`;
    if (statement.Resource !== undefined) {
      const resources = (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).filter(
        (r): r is string => typeof r === "string",
      );
      const narrowed = resources.flatMap((resource) => narrow(resource, request));
      if (narrowed.join("\n") === resources.join("\n")) return statement;
      changes.push(`Deny ${name} no longer covers OPTIONS`);
      return { ...statement, Resource: narrowed.length === 1 ? narrowed[0] : narrowed };
    }
    if (statement.NotResource !== undefined) {
      const excluded = (Array.isArray(statement.NotResource) ? statement.NotResource : [statement.NotResource]).filter(
        (r): r is string => typeof r === "string",
      );
      changes.push(`Deny ${name} excludes OPTIONS`);
      return { ...statement, NotResource: [...excluded, PREFLIGHT_ALLOW.Resource] };
    }
    return statement;
  });
  if (!statements.some((s) => s.Sid === PREFLIGHT_ALLOW.Sid)) {
    statements.push(PREFLIGHT_ALLOW);
    changes.push("allow the anonymous preflight (OPTIONS) on every path");
  }
  const policy = JSON.stringify({ ...document, Statement: statements });
  return { kind: "set-rest-api-policy", policy, changes };
}

/** One Resource pattern of a Deny without OPTIONS: its verb segment replaced by each other verb. */
function narrow(resource: string, request: { region: string; accountId: string; apiId: string }): string[] {
  const expanded = expandResource(resource, request);
  const slash = expanded.indexOf("/");
  if (slash === -1) return coversOptions(expanded) ? NON_PREFLIGHT_VERBS.map((verb) => `${expanded}/*/${verb}/*`) : [resource];
  const head = expanded.slice(0, slash);
  const [stage = "*", verb, ...path] = expanded.slice(slash + 1).split("/");
  if (verb === undefined) return stage === "*" ? NON_PREFLIGHT_VERBS.map((v) => `${head}/*/${v}/*`) : [resource];
  if (!globMatch(verb, "OPTIONS", true)) return [resource];
  const rest = path.length > 0 ? path.join("/") : "*";
  // A pattern naming OPTIONS alone is dropped; a wildcard verb is spelled out without it.
  return NON_PREFLIGHT_VERBS.filter((v) => globMatch(verb, v, true)).map((v) => `${head}/${stage}/${v}/${rest}`);
}

function coversOptions(arnWithoutPath: string): boolean {
  return arnWithoutPath.endsWith("*");
}
