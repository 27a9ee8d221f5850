/**
 * The ARN a Lambda authorizer receives and its policy is evaluated against:
 * arn:aws:execute-api:{region}:{accountId}:{apiId}/{stage}/{httpVerb}/{resourcePath}
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
 */
export function buildMethodArn(parts: {
  region: string;
  accountId: string;
  apiId: string;
  stageName: string;
  httpMethod: string;
  path: string;
}): string {
  const resourcePath = parts.path.replace(/^\/+/, "");
  return `arn:aws:execute-api:${parts.region}:${parts.accountId}:${parts.apiId}/${parts.stageName}/${parts.httpMethod.toUpperCase()}/${resourcePath}`;
}
