import type { AuthorizerModel, MethodModel } from "@/lib/model/types";

export interface AuthLabel {
  /** Short text for the cell, e.g. "λ storefront-token". */
  short: string;
  /** Lambda authorizers' result cache, e.g. "300s" or "no cache"; shown beside the name, never truncated. */
  ttl?: string;
  /** Sentence for the detail panel and screen readers. */
  long: string;
  kind: "none" | "iam" | "cognito" | "lambda" | "unknown-authorizer";
}

/** "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC" → "us-east-1_AbC". */
export function cognitoPoolIds(authorizer: Pick<AuthorizerModel, "providerArns">): string[] {
  return authorizer.providerArns.map((arn) => arn.slice(arn.lastIndexOf("/") + 1)).filter(Boolean);
}

export function ttlLabel(seconds: number): string {
  return seconds === 0 ? "no cache" : `${seconds}s`;
}

/** Works on the page view's cell summaries (lib/report/audit-page-view.ts) and on whole models alike. */
export function authLabel(
  method: Pick<MethodModel, "authorizationType" | "authorizerId">,
  authorizer: Pick<AuthorizerModel, "name" | "type" | "effectiveTtlSeconds" | "providerArns"> | undefined,
): AuthLabel {
  switch (method.authorizationType) {
    case "NONE":
      return { short: "None", long: "No authorization", kind: "none" };
    case "AWS_IAM":
      return { short: "IAM", long: "IAM (SigV4-signed requests)", kind: "iam" };
    case "COGNITO_USER_POOLS": {
      if (!authorizer)
        return { short: "Cognito ?", long: `Cognito authorizer ${method.authorizerId ?? "(unset)"} not found`, kind: "unknown-authorizer" };
      const pools = cognitoPoolIds(authorizer);
      const pool = pools.length > 0 ? ` (${pools.join(", ")})` : "";
      return { short: `Cognito ${authorizer.name}`, long: `Cognito user pool authorizer ${authorizer.name}${pool}`, kind: "cognito" };
    }
    case "CUSTOM": {
      if (!authorizer)
        return { short: "λ ?", long: `Lambda authorizer ${method.authorizerId ?? "(unset)"} not found`, kind: "unknown-authorizer" };
      const ttl = ttlLabel(authorizer.effectiveTtlSeconds);
      return {
        short: `λ ${authorizer.name}`,
        ttl,
        long: `Lambda ${authorizer.type} authorizer ${authorizer.name}, result cache ${ttl === "no cache" ? "off" : ttl}`,
        kind: "lambda",
      };
    }
  }
}

export function corsHeaderName(parameter: string): string | undefined {
  const match = /^(?:method\.response|gatewayresponse)\.header\.(.+)$/i.exec(parameter);
  if (!match) return undefined;
  const name = match[1]!;
  return name.toLowerCase().startsWith("access-control-") ? name : undefined;
}

/** Mapping values are quoted literals in API Gateway ("'*'"); show them unquoted. */
export function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}
