import { assertNever, type SetAuthorizerTtlIntent, type WidenAuthorizerPolicyIntent } from "@/lib/remediation/intents";
import { actionsOf, dedupePermissions, type IamPermission } from "@/lib/remediation/iam";
import { findAuthorizer } from "@/lib/remediation/model-lookup";
import { oneLine, type RemediationPlan } from "@/lib/remediation/plan";
import type { RemediationContext } from "@/lib/remediation/context";

/**
 * What the authorizer code needs to know, per authorizer: the policy must cover the whole stage when results
 * are cached (a cached policy is reused for every method the same identity calls), and a REQUEST authorizer
 * may let a preflight through. Only widen-authorizer-policy and set-authorizer-ttl concern the code.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export interface AuthorizerCodeSpec {
  authorizerId: string;
  name: string;
  type: "TOKEN" | "REQUEST";
  resourceArnPattern: string;
  allowOptions: boolean;
  ttlSeconds?: number;
  lambdaFunctionArn?: string;
}

export function collectAuthorizerSpecs(plan: RemediationPlan): AuthorizerCodeSpec[] {
  const specs = new Map<string, AuthorizerCodeSpec>();
  const ttl = new Map<string, SetAuthorizerTtlIntent>();
  const widen: WidenAuthorizerPolicyIntent[] = [];
  for (const { intent } of plan.steps) {
    switch (intent.kind) {
      case "widen-authorizer-policy":
        widen.push(intent);
        break;
      case "set-authorizer-ttl":
        ttl.set(intent.authorizerId, intent);
        break;
      case "set-method-authorization":
      case "set-method-api-key-required":
      case "add-cors-preflight":
      case "set-preflight-headers":
      case "replace-preflight-integration-with-mock":
      case "add-gateway-response-cors":
      case "add-method-response-cors-origin":
      case "add-cache-key-parameter":
      case "set-integration-content-handling":
      case "set-rest-api-policy":
      case "clear-method-request-validator":
      case "set-stage-method-setting":
      case "redeploy-stage":
      case "flush-authorizer-cache":
      case "remove-stage-canary":
        // Configuration, not authorizer code.
        break;
      default:
        assertNever(intent);
    }
  }
  for (const intent of widen) {
    specs.set(intent.authorizerId, {
      authorizerId: intent.authorizerId,
      name: intent.authorizerName,
      type: intent.authorizerType,
      resourceArnPattern: intent.resourceArnPattern,
      allowOptions: intent.allowOptions,
      ...(ttl.get(intent.authorizerId) ? { ttlSeconds: ttl.get(intent.authorizerId)?.toSeconds } : {}),
      ...(intent.lambdaFunctionArn ? { lambdaFunctionArn: intent.lambdaFunctionArn } : {}),
    });
  }
  // A TTL change alone still deserves code whose policy is safe to cache; the stage comes from the request.
  for (const intent of ttl.values()) {
    if (specs.has(intent.authorizerId)) continue;
    const authorizer = findAuthorizer(plan.ctx, intent.authorizerId);
    if (!authorizer || authorizer.type === "COGNITO_USER_POOLS") continue;
    specs.set(intent.authorizerId, {
      authorizerId: intent.authorizerId,
      name: intent.authorizerName,
      type: authorizer.type,
      resourceArnPattern: `arn:aws:execute-api:${plan.ctx.region}:${plan.ctx.accountId}:${plan.ctx.apiId}/*/*/*`,
      allowOptions: false,
      ttlSeconds: intent.toSeconds,
      ...(authorizer.lambdaFunctionArn ? { lambdaFunctionArn: authorizer.lambdaFunctionArn } : {}),
    });
  }
  return [...specs.values()];
}

export function authorizerIam(ctx: RemediationContext, specs: readonly AuthorizerCodeSpec[]): IamPermission[] {
  return dedupePermissions(
    specs.flatMap((spec) => {
      const resource = spec.lambdaFunctionArn ?? `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:REPLACE_ME_${spec.name}`;
      return ["lambda:UpdateFunctionCode", "lambda:GetFunction"].map((action) => ({ action, resource }));
    }),
  );
}

export { actionsOf };

export function describeSpec(spec: AuthorizerCodeSpec): string[] {
  return [
    `Authorizer "${oneLine(spec.name)}" (${spec.authorizerId}, ${spec.type})${spec.lambdaFunctionArn ? `, function ${spec.lambdaFunctionArn}` : ""}.`,
    `The returned policy covers the whole stage (${spec.resourceArnPattern} for this API), because API Gateway caches`,
    `the policy${spec.ttlSeconds !== undefined ? ` (TTL ${spec.ttlSeconds} s)` : ""} and reuses it for every method the same identity calls.`,
    ...(spec.allowOptions ? ["CORS preflights (OPTIONS) without valid credentials get an Allow for OPTIONS only."] : []),
  ];
}
