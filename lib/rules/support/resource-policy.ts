import { globMatch } from "./glob-match";

/**
 * Evaluates an API Gateway resource policy for one anonymous request (a browser's preflight): the
 * documented subset of IAM's policy language — Effect, Principal / NotPrincipal, Action / NotAction,
 * Resource / NotResource with wildcards and API Gateway's "execute-api:/stage/VERB/path" shorthand, and
 * the condition operators on the keys such a request has. An explicit Deny wins, else an Allow is needed
 * ("an implicit denial or any explicit denial results in denying the caller",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html;
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * A condition whose answer depends on the caller (source IP, Referer, User-Agent, the VPC endpoint of a
 * PRIVATE API) is "unknown", and a verdict that hinges on one is "not evaluated", never a guess.
 */
export interface AnonymousRequest {
  /** arn:aws:execute-api:region:account:apiId/stage/VERB/path */
  arn: string;
  region: string;
  accountId: string;
  apiId: string;
  /** PRIVATE APIs are reached through an interface VPC endpoint, so aws:SourceVpce is present but unknown. */
  privateEndpoint: boolean;
}

export type PolicyVerdict =
  | { kind: "allowed" }
  | { kind: "explicit-deny"; statement: string }
  | { kind: "implicit-deny"; reason: string }
  | { kind: "not-evaluated"; reason: string }
  | { kind: "invalid"; reason: string };

type Tri = true | false | "unknown";

const MAX_POLICY_CHARS = 20_480; // API Gateway's resource policy size limit is 20 KB (limits.html).
const MAX_PATTERN_CHARS = 2_048;
const INVOKE = "execute-api:Invoke";

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

export type ParsedPolicy = { ok: true; statements: Statement[] } | { ok: false; reason: string };

export function parsePolicy(text: string): ParsedPolicy {
  if (text.length > MAX_POLICY_CHARS) return { ok: false, reason: `the policy is longer than ${MAX_POLICY_CHARS} characters` };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the policy is not valid JSON" };
  }
  if (typeof document !== "object" || document === null) return { ok: false, reason: "the policy is not a JSON object" };
  const raw = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return { ok: true, statements: list.filter((s): s is Statement => typeof s === "object" && s !== null).slice(0, 200) };
}

export function evaluatePreflightPolicy(policyText: string, request: AnonymousRequest): PolicyVerdict {
  return compilePolicy(parsePolicy(policyText), request)(request.arn);
}

/** What an anonymous request has besides its ARN: the same for every method of one API. */
export type PolicyContext = Omit<AnonymousRequest, "arn">;

/**
 * The policy's verdict per request ARN, for one API: evaluatePreflightPolicy for a caller asking about every method.
 * A statement's Principal, Action and Condition do not depend on the ARN (conditions read only the keys an anonymous
 * request has, knownValue), and its Resource patterns are expanded with the API's own ids, so each is decided once
 * here and only the Resource match runs per ARN (issue 16: 10,000 methods, each in every stage).
 */
export function compilePolicy(parsed: ParsedPolicy, context: PolicyContext): (arn: string) => PolicyVerdict {
  if (!parsed.ok) {
    const invalid: PolicyVerdict = { kind: "invalid", reason: parsed.reason };
    return () => invalid;
  }
  const statements = parsed.statements.map((statement, index) => compileStatement(statement, index, context));
  return (arn) => {
    let allowed = false;
    let unknownAllow: string | undefined;
    let unknownDeny: string | undefined;
    for (const statement of statements) {
      const applies = statementApplies(statement, arn);
      const { effect, name } = statement;
      if (effect === "Deny" && applies === true) return { kind: "explicit-deny", statement: name };
      if (effect === "Deny" && applies === "unknown") unknownDeny ??= name;
      if (effect === "Allow" && applies === true) allowed = true;
      if (effect === "Allow" && applies === "unknown") unknownAllow ??= name;
    }
    const undecidable =
      "depends on a condition on the caller (source IP, Referer, User-Agent or VPC endpoint) that a configuration audit cannot decide";
    if (unknownDeny) return { kind: "not-evaluated", reason: `Deny statement ${unknownDeny} ${undecidable}` };
    if (allowed) return { kind: "allowed" };
    if (unknownAllow) return { kind: "not-evaluated", reason: `Allow statement ${unknownAllow} ${undecidable}` };
    return { kind: "implicit-deny", reason: "no statement allows execute-api:Invoke to an anonymous caller on this resource" };
  };
}

interface CompiledStatement {
  /** `"Sid"` or `#n`, as findings name the statement. */
  name: string;
  effect: string;
  /** Principal and Action admit an anonymous execute-api:Invoke. */
  invokes: boolean;
  /** Which resource element the statement has (Resource wins over NotResource); none matches nothing. */
  resourceElement: "Resource" | "NotResource" | "none";
  /** Its patterns, expanded with the API's ids. */
  resources: string[];
  conditions: Tri;
}

function compileStatement(statement: Statement, index: number, context: PolicyContext): CompiledStatement {
  const name = typeof statement.Sid === "string" && statement.Sid ? `"${statement.Sid}"` : `#${index + 1}`;
  const effect = typeof statement.Effect === "string" ? statement.Effect : "";
  const actionOk =
    statement.Action !== undefined
      ? list(statement.Action).some((p) => globMatch(p, INVOKE, true))
      : !list(statement.NotAction).some((p) => globMatch(p, INVOKE, true));
  const invokes = principalMatches(statement) && actionOk;
  const resourceElement = statement.Resource !== undefined ? "Resource" : statement.NotResource !== undefined ? "NotResource" : "none";
  const resources = resourceElement === "none" ? [] : list(statement[resourceElement]).map((p) => expandResource(p, context));
  const conditions = invokes ? conditionsHold(statement.Condition, context) : false;
  return { name, effect, invokes, resourceElement, resources, conditions };
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.filter((item): item is string => typeof item === "string").filter((item) => item.length <= MAX_PATTERN_CHARS);
}

/** Principal, Action, Resource (the only part that depends on the ARN), then Condition, as IAM evaluates a statement. */
function statementApplies(statement: CompiledStatement, arn: string): Tri {
  if (!statement.invokes || statement.resourceElement === "none") return false;
  const matched = statement.resources.some((pattern) => globMatch(pattern, arn));
  const resourceOk = statement.resourceElement === "Resource" ? matched : !matched;
  if (!resourceOk) return false;
  return statement.conditions;
}

/** Principal "*" or {"AWS": "*"} includes anonymous callers; a named principal does not. */
function principalMatches(statement: Statement): boolean {
  const everyone = (value: unknown): boolean => {
    if (value === "*") return true;
    if (typeof value === "object" && value !== null) return list((value as { AWS?: unknown }).AWS).includes("*");
    return false;
  };
  if (statement.Principal !== undefined) return everyone(statement.Principal);
  // NotPrincipal excludes the named principals; anonymous is excluded only by "*".
  if (statement.NotPrincipal !== undefined) return !everyone(statement.NotPrincipal);
  return false;
}

/**
 * API Gateway resource policies may write "execute-api:/stage/VERB/path" for the API's own ARN
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html).
 */
export function expandResource(pattern: string, request: Pick<AnonymousRequest, "region" | "accountId" | "apiId">): string {
  if (pattern.startsWith("execute-api:/"))
    return `arn:aws:execute-api:${request.region}:${request.accountId}:${request.apiId}/${pattern.slice("execute-api:/".length)}`;
  return pattern;
}

// Keys a browser's request has but whose value a configuration audit cannot know.
const CALLER_KEYS = new Set(["aws:sourceip", "aws:referer", "aws:useragent", "aws:currenttime", "aws:epochtime", "aws:requestedregion"]);
// Keys an anonymous request over HTTPS has with a known value.
function knownValue(key: string, request: PolicyContext): string | undefined {
  if (key === "aws:securetransport") return "true";
  if (key === "aws:sourcearn") return undefined;
  if (key === "aws:sourcevpce" || key === "aws:sourcevpc") return request.privateEndpoint ? "unknown" : undefined;
  return CALLER_KEYS.has(key) ? "unknown" : undefined;
}

function conditionsHold(condition: unknown, request: PolicyContext): Tri {
  if (condition === undefined) return true;
  if (typeof condition !== "object" || condition === null) return "unknown";
  let result: Tri = true;
  for (const [operatorRaw, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== "object" || block === null) return "unknown";
    for (const [keyRaw, expected] of Object.entries(block as Record<string, unknown>)) {
      const outcome = evaluateCondition(operatorRaw, keyRaw.toLowerCase(), list(expected), request);
      if (outcome === false) return false;
      if (outcome === "unknown") result = "unknown";
    }
  }
  return result;
}

/**
 * One operator on one key. A key missing from the request makes a positive operator false and a negated
 * one (StringNotEquals, NotIpAddress, ArnNotLike…) true; ...IfExists makes a missing key true; Null tests
 * presence (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
function evaluateCondition(operatorRaw: string, key: string, expected: string[], request: PolicyContext): Tri {
  const setPrefix = /^(ForAnyValue|ForAllValues):/.exec(operatorRaw);
  const withoutSet = operatorRaw.replace(/^(ForAnyValue|ForAllValues):/, "");
  const ifExists = withoutSet.endsWith("IfExists");
  const operator = ifExists ? withoutSet.slice(0, -"IfExists".length) : withoutSet;
  const value = knownValue(key, request);
  if (operator === "Null") {
    if (value === "unknown") return expected.includes("false");
    return expected.includes(value === undefined ? "true" : "false");
  }
  const negated = /Not/.test(operator);
  if (value === undefined) {
    if (ifExists) return true;
    // ForAllValues over an empty set is true; ForAnyValue over it is false.
    if (setPrefix?.[1] === "ForAllValues") return true;
    if (setPrefix?.[1] === "ForAnyValue") return false;
    return negated;
  }
  if (value === "unknown") return "unknown";
  const matches = (() => {
    switch (operator.replace("Not", "")) {
      case "StringEquals":
        return expected.includes(value);
      case "StringEqualsIgnoreCase":
        return expected.some((e) => e.toLowerCase() === value.toLowerCase());
      case "StringLike":
        return expected.some((e) => globMatch(e, value));
      case "Bool":
        return expected.some((e) => e.toLowerCase() === value.toLowerCase());
      default:
        return undefined;
    }
  })();
  if (matches === undefined) return "unknown";
  return negated ? !matches : matches;
}
