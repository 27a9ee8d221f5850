import type { ApiCall, ApiCommand, ApiInput } from "@/lib/remediation/formats/api-calls";

/** One IAM permission: API Gateway's management actions are the HTTP verbs on resource ARNs. */
export interface IamPermission {
  action: string;
  resource: string;
}

/**
 * API Gateway control-plane permissions are apigateway:<HTTP verb> on arn:aws:apigateway:<region>::/<path>.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
const VERB: Record<ApiCommand, "GET" | "PUT" | "PATCH" | "POST" | "DELETE"> = {
  GetMethodCommand: "GET",
  GetMethodResponseCommand: "GET",
  PutMethodCommand: "PUT",
  PutIntegrationCommand: "PUT",
  PutMethodResponseCommand: "PUT",
  PutIntegrationResponseCommand: "PUT",
  PutGatewayResponseCommand: "PUT",
  UpdateMethodCommand: "PATCH",
  UpdateIntegrationCommand: "PATCH",
  UpdateMethodResponseCommand: "PATCH",
  UpdateIntegrationResponseCommand: "PATCH",
  UpdateAuthorizerCommand: "PATCH",
  UpdateStageCommand: "PATCH",
  UpdateRestApiCommand: "PATCH",
  CreateDeploymentCommand: "POST",
  FlushStageAuthorizersCacheCommand: "DELETE",
};

function text(input: ApiInput, key: string): string {
  const value = input[key];
  if (typeof value !== "string") throw new Error(`API call input lacks ${key}.`);
  return value;
}

function resourcePath(command: ApiCommand, input: ApiInput): string {
  const api = `/restapis/${text(input, "restApiId")}`;
  switch (command) {
    case "GetMethodCommand":
    case "PutMethodCommand":
    case "UpdateMethodCommand":
      return `${api}/resources/${text(input, "resourceId")}/methods/${text(input, "httpMethod")}`;
    case "PutIntegrationCommand":
    case "UpdateIntegrationCommand":
      return `${api}/resources/${text(input, "resourceId")}/methods/${text(input, "httpMethod")}/integration`;
    case "GetMethodResponseCommand":
    case "PutMethodResponseCommand":
    case "UpdateMethodResponseCommand":
      return `${api}/resources/${text(input, "resourceId")}/methods/${text(input, "httpMethod")}/responses/${text(input, "statusCode")}`;
    case "PutIntegrationResponseCommand":
    case "UpdateIntegrationResponseCommand":
      return `${api}/resources/${text(input, "resourceId")}/methods/${text(input, "httpMethod")}/integration/responses/${text(input, "statusCode")}`;
    case "PutGatewayResponseCommand":
      return `${api}/gatewayresponses/${text(input, "responseType")}`;
    case "UpdateAuthorizerCommand":
      return `${api}/authorizers/${text(input, "authorizerId")}`;
    case "UpdateStageCommand":
      return `${api}/stages/${text(input, "stageName")}`;
    case "UpdateRestApiCommand":
      return api;
    case "CreateDeploymentCommand":
      return `${api}/deployments`;
    case "FlushStageAuthorizersCacheCommand":
      return `${api}/stages/${text(input, "stageName")}/cache/authorizers`;
  }
}

export function iamForCall(call: Pick<ApiCall, "command" | "input" | "skipIfFound">, region: string): IamPermission[] {
  const permissions = [
    { action: `apigateway:${VERB[call.command]}`, resource: `arn:aws:apigateway:${region}::${resourcePath(call.command, call.input)}` },
  ];
  if (call.skipIfFound) permissions.push(...iamForCall(call.skipIfFound, region));
  return permissions;
}

export function dedupePermissions(permissions: readonly IamPermission[]): IamPermission[] {
  const seen = new Map<string, IamPermission>();
  for (const permission of permissions) seen.set(`${permission.action} ${permission.resource}`, permission);
  return [...seen.values()].sort((a, b) => a.action.localeCompare(b.action) || a.resource.localeCompare(b.resource));
}

export function actionsOf(permissions: readonly IamPermission[]): string[] {
  return [...new Set(permissions.map((permission) => permission.action))].sort();
}

/** Comment lines listing the permissions, one per line. */
export function iamCommentLines(permissions: readonly IamPermission[]): string[] {
  if (permissions.length === 0) return ["(none)"];
  return permissions.map((permission) => `${permission.action} on ${permission.resource}`);
}

/** Permissions to manage one API Gateway resource path with the given HTTP verbs (for IaC deployments). */
export function iamForPath(
  region: string,
  path: string,
  verbs: ReadonlyArray<"GET" | "PUT" | "PATCH" | "POST" | "DELETE">,
): IamPermission[] {
  return verbs.map((verb) => ({ action: `apigateway:${verb}`, resource: `arn:aws:apigateway:${region}::${path}` }));
}
