import {
  authorizerIam,
  actionsOf,
  collectAuthorizerSpecs,
  describeSpec,
  type AuthorizerCodeSpec,
} from "@/lib/remediation/formats/authorizer-code";
import { camelName, distinctIdentifiers } from "@/lib/remediation/naming";
import { blockCommentText, commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { jsString } from "@/lib/remediation/formats/literals/js";
import type { RemediationPlan } from "@/lib/remediation/plan";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/** Node.js (CommonJS, JSDoc-typed against @types/aws-lambda) Lambda authorizer handlers; undefined when no authorizer intent. */
export function renderAuthorizerNode(plan: RemediationPlan): RenderedSnippet | undefined {
  const specs = collectAuthorizerSpecs(plan);
  if (specs.length === 0) return undefined;
  const iam = authorizerIam(plan.ctx, specs);
  const names = distinctIdentifiers(
    specs,
    (spec) => camelName(spec.name),
    (name, n) => `${name}${n}`,
  );
  const nameOf = (spec: AuthorizerCodeSpec) => names.get(spec) as string;
  const content = [
    "// @ts-check",
    `// ${commentText(`Preflight remediation for the Lambda authorizers of API "${plan.ctx.apiName}" (${plan.ctx.apiId}) in ${plan.ctx.region}.`)}`,
    "// Deploy it as the authorizer function's code (CommonJS, Node.js 18+) with the handler setting",
    ...specs.map(
      (spec) => `//   ${commentText(`${spec.name}: preflight-authorizer-${fileNamePart(plan.ctx.apiId)}.${nameOf(spec)}Handler`)}`,
    ),
    "//",
    "// IAM permissions to deploy it:",
    ...iam.map((permission) => `//   ${commentText(`${permission.action} on ${permission.resource}`)}`),
    "",
    "/**",
    " * The stage-wide resource for a method ARN: arn:aws:execute-api:region:account:api/stage/VERB/path becomes",
    " * the same ARN with every verb and path of that stage (a JSDoc comment cannot spell the wildcard pair).",
    " * @param {string} methodArn",
    " */",
    "function stageWideResource(methodArn) {",
    '  const [apiArn, stage] = methodArn.split("/");',
    "  if (!apiArn || !stage) throw new Error(`Unexpected methodArn: ${methodArn}`);",
    "  return `${apiArn}/${stage}/*/*`;",
    "}",
    "",
    "/**",
    " * @param {string} principalId",
    ' * @param {"Allow" | "Deny"} effect',
    " * @param {string} resource",
    ' * @returns {import("aws-lambda").APIGatewayAuthorizerResult}',
    " */",
    "function policy(principalId, effect, resource) {",
    "  return {",
    "    principalId,",
    '    policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] },',
    "  };",
    "}",
    "",
    ...specs.flatMap((spec) => handler(spec, nameOf(spec))),
    `module.exports = { stageWideResource, ${specs.map((spec) => `${nameOf(spec)}Handler`).join(", ")} };`,
    "",
  ].join("\n");
  return {
    format: "authorizer-node",
    filename: `preflight-authorizer-${fileNamePart(plan.ctx.apiId)}.js`,
    language: "javascript",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}

function handler(spec: AuthorizerCodeSpec, name: string): string[] {
  const eventType = spec.type === "TOKEN" ? "APIGatewayTokenAuthorizerEvent" : "APIGatewayRequestAuthorizerEvent";
  const credentials =
    spec.type === "TOKEN"
      ? ["  const credentials = event.authorizationToken;"]
      : ["  const credentials = { headers: event.headers ?? {}, queryStringParameters: event.queryStringParameters ?? {} };"];
  return [
    ...describeSpec(spec).map((line) => `// ${commentText(line)}`),
    "",
    "/**",
    ` * REPLACE_ME: your existing credential check for ${blockCommentText(spec.name)}. Resolve to the caller's principal id, or to null`,
    " * when the credentials are invalid. Until it is replaced every request is refused (fail closed).",
    ` * @param {${spec.type === "TOKEN" ? "string" : "{ headers: Record<string, string | undefined>, queryStringParameters: Record<string, string | undefined> }"}} credentials`,
    " * @returns {Promise<string | null>}",
    " */",
    `async function ${name}Verify(credentials) {`,
    "  void credentials;",
    `  throw new Error(${jsString(`REPLACE_ME: plug the credential check of ${spec.name} into ${name}Verify`)});`,
    "}",
    "",
    `/** @param {import("aws-lambda").${eventType}} event */`,
    `async function ${name}Handler(event) {`,
    ...(spec.allowOptions && spec.type === "REQUEST"
      ? [
          "  // Browsers send preflights without credentials: let OPTIONS through, for OPTIONS only.",
          '  if (event.httpMethod === "OPTIONS") {',
          ...credentials.map((line) => `  ${line}`),
          `    const principal = await ${name}Verify(credentials).catch(() => null);`,
          '    if (!principal) return policy("cors-preflight", "Allow", `${stageWideResource(event.methodArn).slice(0, -4)}/OPTIONS/*`);',
          '    return policy(principal, "Allow", stageWideResource(event.methodArn));',
          "  }",
        ]
      : []),
    ...credentials,
    `  const principal = await ${name}Verify(credentials);`,
    '  // Throwing "Unauthorized" makes API Gateway answer 401 (the UNAUTHORIZED gateway response).',
    '  if (!principal) throw new Error("Unauthorized");',
    '  return policy(principal, "Allow", stageWideResource(event.methodArn));',
    "}",
    "",
  ];
}
