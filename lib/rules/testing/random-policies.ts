import fc from "fast-check";

/**
 * Random API Gateway resource policies (JSON text) for differential tests of the policy evaluation: statements mixing
 * every element the evaluation reads (Effect, Principal / NotPrincipal, Action / NotAction, Resource / NotResource,
 * Condition), values of the wrong type, and text that is not a policy at all (invalid JSON, a non-object, over the 20 KB
 * limit). Resource patterns name the API given, its stages and paths, so some match the ARNs asked and some do not.
 */
export interface PolicyTarget {
  region: string;
  accountId: string;
  apiId: string;
  /** Stage names the patterns may name besides "*". */
  stages: readonly string[];
}

export function randomPolicyText(target: PolicyTarget): fc.Arbitrary<string> {
  const { region, accountId, apiId } = target;
  const stage = fc.constantFrom(...target.stages);
  const pattern = fc.oneof(
    fc.constantFrom(
      "*",
      "execute-api:/*",
      "execute-api:/*/OPTIONS/*",
      "execute-api:/*/GET/orders*",
      "execute-api:/*/*/a/*",
      "execute-api:/*/OPTIONS/a/example",
      "arn:aws:execute-api:*:*:*/*/OPTIONS/*",
      `arn:aws:execute-api:${region}:${accountId}:${apiId}/*`,
      "arn:aws:execute-api:eu-west-1:*:*/*",
      "arn:aws:execute-api:*:*:other/*",
      "",
    ),
    stage.map((name) => `execute-api:/${name}/*`),
    stage.map((name) => `execute-api:/${name}/POST/*`),
    stage.map((name) => `execute-api:/${name}/OPTIONS/*`),
  );
  const oneOrMany = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { maxLength: 3 }));
  const principal = fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ["arn:aws:iam::1:root", "*"] }, { AWS: "arn:aws:iam::1:root" }, 7);
  const action = oneOrMany(
    fc.constantFrom("execute-api:Invoke", "execute-api:*", "EXECUTE-API:invoke", "*", "execute-api:ManageConnections"),
  );
  const condition = fc.constantFrom<unknown>(
    { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
    { IpAddress: { "aws:SourceIp": ["1.2.3.4"] } },
    { StringEquals: { "aws:SourceVpce": "vpce-1" } },
    { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
    { Bool: { "aws:SecureTransport": "true" } },
    { Bool: { "aws:SecureTransport": "false" } },
    { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } },
    { "ForAllValues:StringLike": { "aws:PrincipalTag/team": "x*" } },
    { Null: { "aws:PrincipalArn": "true" } },
    { NumericLessThan: { "aws:EpochTime": "1" } },
    "not an object",
  );
  const statement = fc.record(
    {
      Sid: fc.constantFrom<unknown>("Named", "", 3),
      Effect: fc.constantFrom<unknown>("Allow", "Deny", "allow", undefined),
      Principal: principal,
      NotPrincipal: principal,
      Action: action,
      NotAction: action,
      Resource: oneOrMany(pattern),
      NotResource: oneOrMany(pattern),
      Condition: condition,
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.array(statement, { maxLength: 4 }).map((Statement) => JSON.stringify({ Version: "2012-10-17", Statement })),
    },
    { weight: 1, arbitrary: statement.map((Statement) => JSON.stringify({ Statement })) },
    { weight: 1, arbitrary: fc.constantFrom("{not json", "[]", "null", "x".repeat(30_000)) },
  );
}
