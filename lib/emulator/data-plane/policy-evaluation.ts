/**
 * Evaluates a Lambda authorizer's policy for one request. As in IAM, an explicit Deny beats any
 * Allow, and no matching Allow is an implicit deny; `*` and `?` are wildcards in Action and Resource.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export type PolicyDecision = "allow" | "explicit-deny" | "implicit-deny";

const INVOKE_ACTION = "execute-api:Invoke";

export function evaluatePolicy(policyDocument: unknown, methodArn: string): PolicyDecision {
  let allowed = false;
  for (const statement of statementsOf(policyDocument)) {
    if (!matchesAny(statement.Action, INVOKE_ACTION, true) || !matchesAny(statement.Resource, methodArn, false)) continue;
    const effect = typeof statement.Effect === "string" ? statement.Effect.toLowerCase() : "";
    if (effect === "deny") return "explicit-deny";
    if (effect === "allow") allowed = true;
  }
  return allowed ? "allow" : "implicit-deny";
}

interface LooseStatement {
  Effect?: unknown;
  Action?: unknown;
  Resource?: unknown;
}

function statementsOf(policyDocument: unknown): LooseStatement[] {
  if (typeof policyDocument !== "object" || policyDocument === null) return [];
  const statement = (policyDocument as { Statement?: unknown }).Statement;
  // IAM accepts a single statement object as well as an array.
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  return list.filter((s): s is LooseStatement => typeof s === "object" && s !== null);
}

function matchesAny(patterns: unknown, value: string, caseInsensitive: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((pattern) => typeof pattern === "string" && wildcardMatch(pattern, value, caseInsensitive));
}

/** IAM-style glob: `*` matches any run of characters (including "/"), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, caseInsensitive ? "is" : "s").test(value);
}
