import {
  authorizerIam,
  actionsOf,
  collectAuthorizerSpecs,
  describeSpec,
  type AuthorizerCodeSpec,
} from "@/lib/remediation/formats/authorizer-code";
import { distinctIdentifiers, snakeName } from "@/lib/remediation/naming";
import { commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { pythonString } from "@/lib/remediation/formats/literals/python";
import type { RemediationPlan } from "@/lib/remediation/plan";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/** Python 3 Lambda authorizer handlers; undefined when no authorizer intent. */
export function renderAuthorizerPython(plan: RemediationPlan): RenderedSnippet | undefined {
  const specs = collectAuthorizerSpecs(plan);
  if (specs.length === 0) return undefined;
  const iam = authorizerIam(plan.ctx, specs);
  const names = distinctIdentifiers(
    specs,
    (spec) => snakeName(spec.name),
    (name, n) => `${name}_${n}`,
  );
  const nameOf = (spec: AuthorizerCodeSpec) => names.get(spec) as string;
  const content = [
    // Names from the account go into # comments only: a docstring would read their backslashes as escapes.
    `# ${commentText(`Preflight remediation for the Lambda authorizers of API "${plan.ctx.apiName}" (${plan.ctx.apiId}) in ${plan.ctx.region}.`)}`,
    "#",
    "# Deploy it as the authorizer function's code (Python 3.9+) with the handler setting",
    ...specs.map(
      (spec) => `#   ${commentText(`${spec.name}: preflight_authorizer_${fileNamePart(plan.ctx.apiId)}.${nameOf(spec)}_handler`)}`,
    ),
    "#",
    "# IAM permissions to deploy it:",
    ...iam.map((permission) => `#   ${commentText(`${permission.action} on ${permission.resource}`)}`),
    '"""Preflight remediation: Lambda authorizer handlers whose policy covers the whole stage."""',
    "",
    "from typing import Any, Dict, Optional",
    "",
    "",
    "def stage_wide_resource(method_arn: str) -> str:",
    '    """arn:aws:execute-api:region:account:api/stage/VERB/path -> .../stage/*/*"""',
    '    parts = method_arn.split("/")',
    "    if len(parts) < 2 or not parts[0] or not parts[1]:",
    '        raise ValueError("Unexpected methodArn: " + method_arn)',
    '    return parts[0] + "/" + parts[1] + "/*/*"',
    "",
    "",
    "def policy(principal_id: str, effect: str, resource: str) -> Dict[str, Any]:",
    "    return {",
    '        "principalId": principal_id,',
    '        "policyDocument": {',
    '            "Version": "2012-10-17",',
    '            "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": resource}],',
    "        },",
    "    }",
    "",
    ...specs.flatMap((spec) => handler(spec, nameOf(spec))),
  ].join("\n");
  return {
    format: "authorizer-python",
    filename: `preflight_authorizer_${fileNamePart(plan.ctx.apiId)}.py`,
    language: "python",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}

function handler(spec: AuthorizerCodeSpec, name: string): string[] {
  const credentials =
    spec.type === "TOKEN"
      ? 'event.get("authorizationToken")'
      : '{"headers": event.get("headers") or {}, "queryStringParameters": event.get("queryStringParameters") or {}}';
  return [
    "",
    ...describeSpec(spec).map((line) => `# ${commentText(line)}`),
    "",
    `# REPLACE_ME: your existing credential check for ${commentText(spec.name)}.`,
    `def ${name}_verify(credentials: Any) -> Optional[str]:`,
    `    """REPLACE_ME: your existing credential check.`,
    "",
    "    Return the caller's principal id, or None when the credentials are invalid. Until it is replaced every",
    "    request is refused (fail closed).",
    '    """',
    `    raise NotImplementedError(${pythonString(`REPLACE_ME: plug the credential check of ${spec.name} into ${name}_verify`)})`,
    "",
    "",
    `def ${name}_handler(event: Dict[str, Any], context: Any) -> Dict[str, Any]:`,
    `    credentials = ${credentials}`,
    ...(spec.allowOptions && spec.type === "REQUEST"
      ? [
          "    # Browsers send preflights without credentials: let OPTIONS through, for OPTIONS only.",
          '    if event.get("httpMethod") == "OPTIONS":',
          "        try:",
          `            principal = ${name}_verify(credentials)`,
          "        except Exception:",
          "            principal = None",
          "        if not principal:",
          '            return policy("cors-preflight", "Allow", stage_wide_resource(event["methodArn"])[:-4] + "/OPTIONS/*")',
          '        return policy(principal, "Allow", stage_wide_resource(event["methodArn"]))',
        ]
      : []),
    `    principal = ${name}_verify(credentials)`,
    '    # Raising "Unauthorized" makes API Gateway answer 401 (the UNAUTHORIZED gateway response).',
    "    if not principal:",
    '        raise Exception("Unauthorized")',
    '    return policy(principal, "Allow", stage_wide_resource(event["methodArn"]))',
    "",
  ];
}
