/**
 * SAM `Auth.Authorizers` → the security schemes SAM writes into the definition, as
 * samtranslator/model/apigateway.py `ApiGatewayAuthorizer.generate_swagger` does: a Cognito authorizer when
 * `UserPoolArn` is set, else a Lambda authorizer (TOKEN unless `FunctionPayloadType: REQUEST`);
 * `Identity.ReauthorizeEvery` becomes `authorizerResultTtlInSeconds` (unset → API Gateway's 300 s);
 * REQUEST identity sources come from Identity Headers/QueryStrings/StageVariables/Context
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-lambdarequestauthorizer.html).
 */
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";

export type AuthorizerError = { error: string };

export function authorizerScheme(name: string, authorizer: JsonRecord): JsonRecord | AuthorizerError {
  const identity = authorizer.Identity;
  if (identity !== undefined && identity !== null && !isRecord(identity))
    return { error: `Auth.Authorizers.${name}.Identity must be a map` };
  const id: JsonRecord = isRecord(identity) ? identity : {};
  const payload = authorizer.FunctionPayloadType ?? "TOKEN";
  if (payload !== "TOKEN" && payload !== "REQUEST")
    return { error: `${name} Authorizer has invalid 'FunctionPayloadType': ${String(payload)}` };
  const isCognito = authorizer.UserPoolArn !== undefined && authorizer.UserPoolArn !== null && authorizer.UserPoolArn !== "";
  const header = typeof id.Header === "string" && id.Header !== "" ? id.Header : "Authorization";
  const scheme: JsonRecord = { type: "apiKey", in: "header" };
  if (isCognito) {
    scheme.name = header;
    scheme["x-amazon-apigateway-authtype"] = "cognito_user_pools";
    const ext: JsonRecord = {
      type: "cognito_user_pools",
      providerARNs: Array.isArray(authorizer.UserPoolArn) ? authorizer.UserPoolArn : [authorizer.UserPoolArn],
    };
    if (id.ValidationExpression !== undefined && id.ValidationExpression !== null && id.ValidationExpression !== "")
      ext.identityValidationExpression = id.ValidationExpression;
    scheme["x-amazon-apigateway-authorizer"] = ext;
    return scheme;
  }
  // A REQUEST authorizer names no header ("Unused"); its identity sources are listed instead.
  scheme.name = payload === "REQUEST" ? "Unused" : header;
  scheme["x-amazon-apigateway-authtype"] = "custom";
  const ext: JsonRecord = {
    type: payload === "REQUEST" ? "request" : "token",
    authorizerUri: {
      "Fn::Sub": [
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations",
        { __FunctionArn__: authorizer.FunctionArn },
      ],
    },
  };
  if (id.ReauthorizeEvery !== undefined && id.ReauthorizeEvery !== null) ext.authorizerResultTtlInSeconds = id.ReauthorizeEvery;
  if (payload === "REQUEST") {
    const sources = identitySources(id);
    if (typeof sources !== "string") return sources;
    if (sources === "" && requestIdentityRequired(id))
      return { error: `${name} Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.` };
    if (sources !== "") ext.identitySource = sources;
  } else if (id.ValidationExpression !== undefined && id.ValidationExpression !== null && id.ValidationExpression !== "") {
    ext.identityValidationExpression = id.ValidationExpression;
  }
  scheme["x-amazon-apigateway-authorizer"] = ext;
  return scheme;
}

/** apigateway.py `_is_missing_identity_source`: a REQUEST authorizer needs a source unless its TTL is 0. */
function requestIdentityRequired(identity: JsonRecord): boolean {
  const ttl = identity.ReauthorizeEvery;
  if (ttl === undefined || ttl === null) return true;
  const n = typeof ttl === "number" ? ttl : typeof ttl === "string" && /^-?\d+$/.test(ttl.trim()) ? Number(ttl) : NaN;
  return Number.isNaN(n) ? true : n > 0;
}

function identitySources(identity: JsonRecord): string | AuthorizerError {
  const pairs: Array<[string, string]> = [
    ["Headers", "method.request.header."],
    ["QueryStrings", "method.request.querystring."],
    ["StageVariables", "stageVariables."],
    ["Context", "context."],
  ];
  const out: string[] = [];
  for (const [key, prefix] of pairs) {
    const list = identity[key];
    if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) continue;
    if (!Array.isArray(list) || !list.every((v) => typeof v === "string")) return { error: `Identity.${key} must be a list of strings` };
    for (const value of list as string[]) out.push(prefix + value);
  }
  return out.join(", ");
}
