import { wildcardMatch } from "./policy-evaluation";

/**
 * The REST API's resource policy on the data plane, for a request whose caller is known exactly:
 * anonymous (unsigned) or the emulator's IAM user of the signing account. Effect, Principal /
 * NotPrincipal, Action / NotAction, Resource / NotResource (with the "execute-api:/" shorthand) and
 * conditions on aws:SourceIp (IpAddress / NotIpAddress, IPv4 CIDR), aws:SourceVpce / aws:SourceVpc
 * (never present: the emulator has no VPC endpoints), aws:SecureTransport (true: AWS serves HTTPS only) and ...IfExists / Null.
 * An explicit Deny wins, else an Allow is needed
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html).
 * Messages as AWS sends them (https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer):
 * "User: anonymous is not authorized to perform: execute-api:Invoke on resource: <arn>[ with an explicit deny]".
 */
export interface PolicyCaller {
  /** "anonymous", or an IAM ARN. */
  user: string;
  accountId?: string;
  sourceIp: string;
}

export type ResourcePolicyDecision = { allowed: true } | { allowed: false; message: string };

export function evaluateResourcePolicy(policy: string | undefined, methodArn: string, caller: PolicyCaller): ResourcePolicyDecision {
  if (!policy) return { allowed: true };
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return { allowed: true };
  }
  const [, , , region = "", account = "", rest = ""] = methodArn.split(":");
  const apiId = rest.split("/")[0] ?? "";
  const expand = (pattern: string) =>
    pattern.startsWith("execute-api:/")
      ? `arn:aws:execute-api:${region}:${account}:${apiId}/${pattern.slice("execute-api:/".length)}`
      : pattern;
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]).filter(
    (s): s is Record<string, unknown> => typeof s === "object" && s !== null,
  );
  let allowed = false;
  for (const statement of statements) {
    if (!principalMatches(statement, caller)) continue;
    const action =
      statement.Action !== undefined
        ? strings(statement.Action).some((p) => wildcardMatch(p, "execute-api:Invoke", true))
        : !strings(statement.NotAction).some((p) => wildcardMatch(p, "execute-api:Invoke", true));
    if (!action) continue;
    const resource =
      statement.Resource !== undefined
        ? strings(statement.Resource).some((p) => wildcardMatch(expand(p), methodArn))
        : !strings(statement.NotResource).some((p) => wildcardMatch(expand(p), methodArn));
    if (!resource || !conditionsHold(statement.Condition, caller)) continue;
    if (statement.Effect === "Deny")
      return {
        allowed: false,
        message: `User: ${caller.user} is not authorized to perform: execute-api:Invoke on resource: ${methodArn} with an explicit deny`,
      };
    if (statement.Effect === "Allow") allowed = true;
  }
  return allowed
    ? { allowed: true }
    : { allowed: false, message: `User: ${caller.user} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}` };
}

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
}

function principalMatches(statement: Record<string, unknown>, caller: PolicyCaller): boolean {
  const names = (value: unknown): string[] =>
    value === "*" ? ["*"] : typeof value === "object" && value !== null ? strings((value as { AWS?: unknown }).AWS) : [];
  const matches = (list: string[]) =>
    list.some(
      (p) =>
        p === "*" ||
        (caller.accountId !== undefined && (p === caller.accountId || p === `arn:aws:iam::${caller.accountId}:root`)) ||
        p === caller.user,
    );
  if (statement.Principal !== undefined) return matches(names(statement.Principal));
  if (statement.NotPrincipal !== undefined) return !matches(names(statement.NotPrincipal));
  return false;
}

function conditionsHold(condition: unknown, caller: PolicyCaller): boolean {
  if (typeof condition !== "object" || condition === null) return true;
  for (const [operatorRaw, block] of Object.entries(condition as Record<string, Record<string, unknown>>)) {
    const ifExists = operatorRaw.endsWith("IfExists");
    const operator = ifExists ? operatorRaw.slice(0, -"IfExists".length) : operatorRaw;
    for (const [keyRaw, expectedRaw] of Object.entries(block ?? {})) {
      const key = keyRaw.toLowerCase();
      const expected = strings(expectedRaw);
      const value =
        key === "aws:sourceip"
          ? caller.sourceIp
          : key === "aws:securetransport"
            ? "true"
            : key === "aws:principalarn" && caller.user !== "anonymous"
              ? caller.user
              : undefined;
      if (operator === "Null") {
        if (!expected.includes(value === undefined ? "true" : "false")) return false;
        continue;
      }
      const negated = operator.includes("Not");
      if (value === undefined) {
        if (ifExists || negated) continue;
        return false;
      }
      const base = operator.replace("Not", "");
      const hit =
        base === "IpAddress"
          ? expected.some((cidr) => inCidr(value, cidr))
          : base === "StringLike" || base === "ArnLike"
            ? expected.some((p) => wildcardMatch(p, value))
            : base === "Bool" || base === "StringEqualsIgnoreCase"
              ? expected.some((e) => e.toLowerCase() === value.toLowerCase())
              : expected.includes(value);
      if (negated ? hit : !hit) return false;
    }
  }
  return true;
}

function inCidr(ip: string, cidr: string): boolean {
  const toInt = (address: string) => address.split(".").reduce((acc, part) => (acc << 8) + (Number(part) & 255), 0) >>> 0;
  const [base = "", bitsRaw] = cidr.split("/");
  const v4 = ip.replace(/^::ffff:/, "");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(v4) || !/^\d+\.\d+\.\d+\.\d+$/.test(base)) return false;
  const bits = bitsRaw === undefined ? 32 : Number(bitsRaw);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(v4) & mask) === (toInt(base) & mask);
}
