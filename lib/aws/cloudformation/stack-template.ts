import "server-only";
import { CloudFormationClient, DescribeStackResourcesCommand, GetTemplateCommand } from "@aws-sdk/client-cloudformation";
import type { Connection } from "@/lib/aws/connections/connection";
import { cloudFormationEndpointFor } from "@/lib/aws/cloudformation/stack-endpoint";
import type { StackOrigin } from "@/lib/model/types";

/** One resource of the stack: its logical id in the template and the id AWS gave it. */
export interface StackResourceRef {
  logicalId: string;
  physicalId: string;
  type: string;
}

export interface StackTemplate {
  /** GetTemplate TemplateStage=Original: what was submitted (a SAM template before its transform), as text. */
  body: string;
  /** DescribeStackResources; empty with `resourcesNote` when that call alone failed. */
  resources: StackResourceRef[];
  resourcesNote?: string;
}

/** Why the stack's template is not available; the caller falls back to the snippets and shows `message`. */
export type StackTemplateFailure = { kind: "access-denied" | "stack-gone" | "no-endpoint" | "too-large" | "error"; message: string };

export type StackTemplateResult = { ok: true; template: StackTemplate } | { ok: false; failure: StackTemplateFailure };

// "Maximum size of a template body that you can pass in an S3 object … 1 MB" (cloudformation-limits.html); the
// Original stage of a transformed template can be no larger. A bigger answer is not a CloudFormation template.
export const MAX_TEMPLATE_BYTES = 1_048_576;
/** DescribeStackResources answers at most 100 resources; more would not be CloudFormation either. */
const MAX_RESOURCES = 100;

function failureOf(error: unknown, operation: string, stack: StackOrigin): StackTemplateFailure {
  const name = error instanceof Error ? error.name : "";
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const detail = error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
  if (name === "AccessDenied" || name === "AccessDeniedException" || status === 403)
    return {
      kind: "access-denied",
      message: `cloudformation:${operation} on stack ${stack.stackName} was denied (${detail}); add the optional CloudFormation statement of the README's IAM policy to patch the stack's template`,
    };
  // A deleted stack (or one in another account or region) answers ValidationError "Stack with id … does not exist".
  if (name === "ValidationError") return { kind: "stack-gone", message: `stack ${stack.stackName} is not readable: ${detail}` };
  return { kind: "error", message: `cloudformation:${operation} on stack ${stack.stackName} failed: ${name ? `${name}: ` : ""}${detail}` };
}

/**
 * Read-only access to the stack that deployed a live API: `cloudformation:GetTemplate` (TemplateStage=Original)
 * and `cloudformation:DescribeStackResources`, in parallel. Expected failures are values.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResources.html
 */
export async function readStackTemplate(
  connection: Pick<Connection, "credentials" | "endpoint" | "customEndpoint">,
  region: string,
  stack: StackOrigin,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<StackTemplateResult> {
  const target = cloudFormationEndpointFor(connection, env);
  if (!target.ok) return { ok: false, failure: { kind: "no-endpoint", message: target.reason } };
  const client = new CloudFormationClient({
    region,
    credentials: connection.credentials,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  });
  try {
    const [template, resources] = await Promise.allSettled([
      client.send(new GetTemplateCommand({ StackName: stack.stackName, TemplateStage: "Original" })),
      client.send(new DescribeStackResourcesCommand({ StackName: stack.stackName })),
    ]);
    if (template.status === "rejected") return { ok: false, failure: failureOf(template.reason, "GetTemplate", stack) };
    const body = template.value.TemplateBody;
    if (typeof body !== "string" || body.length === 0)
      return { ok: false, failure: { kind: "error", message: `GetTemplate returned no template body for stack ${stack.stackName}` } };
    if (Buffer.byteLength(body) > MAX_TEMPLATE_BYTES)
      return {
        ok: false,
        failure: { kind: "too-large", message: `the template of stack ${stack.stackName} is larger than CloudFormation's 1 MB limit` },
      };
    if (resources.status === "rejected")
      return {
        ok: true,
        template: { body, resources: [], resourcesNote: failureOf(resources.reason, "DescribeStackResources", stack).message },
      };
    const refs: StackResourceRef[] = [];
    for (const r of (resources.value.StackResources ?? []).slice(0, MAX_RESOURCES)) {
      if (r.LogicalResourceId && r.PhysicalResourceId && r.ResourceType)
        refs.push({ logicalId: r.LogicalResourceId, physicalId: r.PhysicalResourceId, type: r.ResourceType });
    }
    return { ok: true, template: { body, resources: refs } };
  } finally {
    client.destroy();
  }
}
