/**
 * The API Gateway resource ARN an operation reads, for "grant apigateway:GET on …" hints. Format
 * arn:aws:apigateway:{region}::/restapis/{id}/…:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export interface ArnTarget {
  operation: string;
  region?: string;
  restApiId?: string;
  deploymentId?: string;
}

const SUFFIX: Record<string, string> = {
  GetResources: "/resources",
  GetAuthorizers: "/authorizers",
  GetStages: "/stages",
  GetGatewayResponses: "/gatewayresponses",
  GetMethod: "/resources",
};

export function resourceArnFor(target: ArnTarget): string {
  const region = target.region ?? "*";
  const base = `arn:aws:apigateway:${region}::/restapis`;
  if (target.operation === "GetRestApis" || !target.restApiId) return base;
  const api = `${base}/${target.restApiId}`;
  if (target.operation === "GetDeployment") return `${api}/deployments/${target.deploymentId ?? "*"}`;
  return api + (SUFFIX[target.operation] ?? "");
}
