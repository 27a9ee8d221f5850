import type { FindingTarget } from "@/lib/rules/types";

/**
 * Where a finding is, as one readable name: "/orders/{id} OPTIONS", "authorizer tok001",
 * "gateway response DEFAULT_4XX", "stage prod". Used for SARIF logical locations and report tables.
 */
export function targetLabel(target: FindingTarget): string {
  const parts: string[] = [];
  if (target.path) parts.push(target.httpMethod ? `${target.path} ${target.httpMethod}` : target.path);
  if (target.authorizerId) parts.push(`authorizer ${target.authorizerId}`);
  if (target.responseType) parts.push(`gateway response ${target.responseType}`);
  if (target.stage) parts.push(`stage ${target.stage}`);
  return parts.length > 0 ? parts.join(", ") : "API";
}
