import type { AuthorizerModel, GatewayResponseModel, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";
import type { RemediationContext } from "@/lib/remediation/context";

export function findResource(ctx: RemediationContext, resourceId: string): ResourceModel | undefined {
  return ctx.model.resources.find((resource) => resource.id === resourceId);
}

export function findMethod(ctx: RemediationContext, resourceId: string, httpMethod: HttpVerb): MethodModel | undefined {
  return findResource(ctx, resourceId)?.methods.find((method) => method.httpMethod === httpMethod);
}

/** The method an intent changes must exist in the model: its ids come from the audit. */
export function requireMethod(ctx: RemediationContext, resourceId: string, httpMethod: HttpVerb, path: string): MethodModel {
  const method = findMethod(ctx, resourceId, httpMethod);
  if (!method) throw new Error(`No ${httpMethod} method on resource ${resourceId} (${path}) in the model of API ${ctx.apiId}.`);
  return method;
}

export function findAuthorizer(ctx: RemediationContext, authorizerId: string): AuthorizerModel | undefined {
  return ctx.model.authorizers.find((authorizer) => authorizer.id === authorizerId);
}

export function findGatewayResponse(ctx: RemediationContext, responseType: string): GatewayResponseModel | undefined {
  return ctx.model.gatewayResponses.find((response) => response.responseType === responseType);
}
