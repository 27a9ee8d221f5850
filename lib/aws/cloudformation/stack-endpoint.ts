import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";

export type StackEndpoint = { ok: true; endpoint?: string } | { ok: false; reason: string };

/**
 * Where CloudFormation calls go, by the same rule as STS (connection.ts stsEndpointFor): the service-specific
 * AWS_ENDPOINT_URL_CLOUDFORMATION, else the connection's own endpoint override (the demo emulator answers
 * CloudFormation too), else AWS_ENDPOINT_URL; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops the environment's values
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, service id "CloudFormation").
 * When API Gateway is a custom endpoint and CloudFormation would be AWS's own, the call is not made rather than
 * sending those credentials to real AWS.
 */
export function cloudFormationEndpointFor(
  connection: Pick<Connection, "endpoint" | "customEndpoint">,
  env: Readonly<Record<string, string | undefined>> = process.env,
): StackEndpoint {
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true";
  const endpoint =
    (ignoreEnv ? undefined : env.AWS_ENDPOINT_URL_CLOUDFORMATION || undefined) ??
    connection.endpoint ??
    (ignoreEnv ? undefined : env.AWS_ENDPOINT_URL || undefined);
  if (connection.customEndpoint && !endpoint)
    return {
      ok: false,
      reason:
        "API Gateway is read from a custom endpoint and no CloudFormation endpoint is set (AWS_ENDPOINT_URL_CLOUDFORMATION), so these credentials are not sent to AWS's CloudFormation",
    };
  return { ok: true, ...(endpoint ? { endpoint } : {}) };
}
