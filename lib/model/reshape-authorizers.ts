import type { AuthorizerModel, AuthorizerType } from "@/lib/model/types";
import type { RawAuthorizer } from "@/lib/model/raw-snapshot";
import { parseIdentitySources } from "@/lib/model/identity-sources";

// "If this field is not set, the default value is 300 ... If it equals 0, authorization caching is
// disabled." The Authorizer reference applies this to every authorizer type, Cognito included:
// https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html
export const DEFAULT_AUTHORIZER_TTL_SECONDS = 300;

const AUTHORIZER_TYPES: readonly AuthorizerType[] = ["TOKEN", "REQUEST", "COGNITO_USER_POOLS"];

/** The TTL API Gateway applies: unset → 300 s, 0 → caching off. */
export function effectiveAuthorizerTtl(configured: number | undefined): number {
  return configured ?? DEFAULT_AUTHORIZER_TTL_SECONDS;
}

// Lambda authorizer URIs look like arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{FunctionArn}/invocations
// (https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html, authorizerUri).
const LAMBDA_URI = /:lambda:path\/[^/]+\/functions\/(arn:[^/]+?)\/invocations$/;

export function lambdaArnFromUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  return LAMBDA_URI.exec(uri)?.[1];
}

export function reshapeAuthorizer(raw: RawAuthorizer, warn: (message: string) => void = () => {}): AuthorizerModel {
  let type = AUTHORIZER_TYPES.find((t) => t === raw.type);
  if (type === undefined) {
    // Only the three documented types exist today; keep going but say so rather than guess silently.
    warn(`Authorizer ${raw.id} has an unknown type "${raw.type ?? ""}"; treated as REQUEST.`);
    type = "REQUEST";
  }
  const model: AuthorizerModel = {
    id: raw.id,
    name: raw.name ?? raw.id,
    type,
    providerArns: [...(raw.providerARNs ?? [])],
    identitySources: parseIdentitySources(raw.identitySource),
    effectiveTtlSeconds: effectiveAuthorizerTtl(raw.authorizerResultTtlInSeconds),
  };
  if (raw.authorizerUri !== undefined) model.authorizerUri = raw.authorizerUri;
  const lambdaArn = lambdaArnFromUri(raw.authorizerUri);
  if (lambdaArn !== undefined) model.lambdaFunctionArn = lambdaArn;
  if (raw.identityValidationExpression !== undefined) model.identityValidationExpression = raw.identityValidationExpression;
  if (raw.authorizerResultTtlInSeconds !== undefined) model.configuredTtlSeconds = raw.authorizerResultTtlInSeconds;
  return model;
}

export function reshapeAuthorizers(raw: RawAuthorizer[], warn?: (message: string) => void): AuthorizerModel[] {
  return raw.map((a) => reshapeAuthorizer(a, warn)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
