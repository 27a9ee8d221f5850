import "server-only";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Connection } from "@/lib/aws/connections/connection";

const cache = new Map<string, Promise<string | undefined>>();

/**
 * The account id of the caller via sts:GetCallerIdentity (needs no permission:
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html). Optional: it
 * answers undefined on any failure (the caller then infers the account from ARNs, with a warning).
 * STS goes where the connection says (the demo's emulator, AWS_ENDPOINT_URL_STS, a custom endpoint);
 * it is skipped when API Gateway goes to a custom endpoint and STS would be AWS's own, rather than
 * sending those credentials to real AWS.
 */
export function callerAccountId(connection: Connection, region: string): Promise<string | undefined> {
  const endpoint = connection.stsEndpoint;
  if (connection.customEndpoint && !endpoint) return Promise.resolve(undefined);
  const key = `${connection.limiterKey}|${endpoint ?? "aws"}|${region}`;
  let pending = cache.get(key);
  if (!pending) {
    const client = new STSClient({
      region,
      credentials: connection.credentials,
      ...(endpoint ? { endpoint } : {}),
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
    });
    pending = client
      .send(new GetCallerIdentityCommand({}))
      .then((r) => (r.Account && /^\d{12}$/.test(r.Account) ? r.Account : undefined))
      .catch(() => undefined)
      .finally(() => client.destroy());
    cache.set(key, pending);
    // A failure is not cached for long: credentials may be fixed (e.g. after aws sso login).
    void pending.then((account) => {
      if (!account) cache.delete(key);
    });
  }
  return pending;
}

// Lambda and Cognito ARNs carry an account id: arn:aws:lambda:us-east-1:123456789012:function:f
const ARN_ACCOUNT = /arn:aws[a-z-]*:(?:lambda|cognito-idp|iam):[a-z0-9-]*:(\d{12}):/g;

/** The account most ARNs in `texts` name (an API's own Lambdas usually live in its account), if any. */
export function accountFromArns(texts: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(ARN_ACCOUNT)) counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [account, count] of counts) if (count > bestCount) [best, bestCount] = [account, count];
  return best;
}
