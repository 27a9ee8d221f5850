import { describe, expect, it } from "vitest";
import { isRetryableAwsError, mapAwsError, retryAfterMs } from "@/lib/aws/errors/map-aws-error";
import {
  AccessDeniedError,
  ExpiredCredentialsError,
  InvalidRegionError,
  NoCredentialsError,
  RegionNotEnabledError,
} from "@/lib/aws/errors/aws-errors";

function sdkError(name: string, message: string, status?: number, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}), ...extra });
}

describe("mapAwsError", () => {
  it("turns an expired SSO token into the exact login command", () => {
    const e = mapAwsError(
      sdkError(
        "CredentialsProviderError",
        "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.",
      ),
      { operation: "GetRestApis", profile: "dev", region: "eu-west-1" },
    );
    expect(ExpiredCredentialsError.is(e)).toBe(true);
    expect(e.hint).toBe("Run: aws sso login --profile dev");
  });

  it("maps ExpiredTokenException; SSO profiles get the login command", () => {
    const e = mapAwsError(sdkError("ExpiredTokenException", "The security token included in the request is expired", 403), {
      operation: "GetStages",
      profile: "dev",
      profileKind: "sso",
    });
    expect(ExpiredCredentialsError.is(e) && e.loginCommand).toBe("aws sso login --profile dev");
    const plain = mapAwsError(sdkError("ExpiredTokenException", "expired", 403), { operation: "GetStages" });
    expect(ExpiredCredentialsError.is(plain) && plain.loginCommand).toBeUndefined();
  });

  it("maps a missing credential chain", () => {
    const e = mapAwsError(sdkError("CredentialsProviderError", "Could not load credentials from any providers"), {
      operation: "GetRestApi",
    });
    expect(NoCredentialsError.is(e)).toBe(true);
    expect(e.code).toBe("credentials:missing");
  });

  it("tells an opt-in region apart from bad credentials", () => {
    const invalid = sdkError("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
    expect(RegionNotEnabledError.is(mapAwsError(invalid, { operation: "GetRestApis", region: "af-south-1" }))).toBe(true);
    expect(mapAwsError(invalid, { operation: "GetRestApis", region: "us-east-1" }).code).toBe("credentials:invalid");
  });

  it("names the IAM action and ARN on denial", () => {
    const e = mapAwsError(sdkError("AccessDeniedException", "User: arn:aws:iam::123456789012:user/x is not authorized", 403), {
      operation: "GetDeployment",
      region: "us-east-1",
      restApiId: "a1",
      deploymentId: "d1",
    });
    expect(AccessDeniedError.is(e) && e.resourceArn).toBe("arn:aws:apigateway:us-east-1::/restapis/a1/deployments/d1");
    expect(e.hint).toContain("apigateway:GET");
  });

  it("flags a non-existent AWS region on DNS failure, not a network problem", () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND apigateway.moon-east-1.amazonaws.com"), { code: "ENOTFOUND" });
    expect(InvalidRegionError.is(mapAwsError(dns, { operation: "GetRestApis", region: "moon-east-1" }))).toBe(true);
    expect(mapAwsError(dns, { operation: "GetRestApis", region: "us-east-1" }).code).toBe("network:unreachable");
  });

  it("never repeats an access key id", () => {
    const e = mapAwsError(sdkError("Weird", "key AKIAABCDEFGHIJKLMNOP failed"), { operation: "GetRestApi" });
    expect(e.message).not.toContain("AKIAABCDEFGHIJKLMNOP");
    expect(e.code).toBe("unexpected");
  });
});

describe("retry classification", () => {
  it("retries 429, 5xx, timeouts and dropped sockets, nothing else", () => {
    expect(isRetryableAwsError(sdkError("TooManyRequestsException", "slow down", 429))).toBe(true);
    expect(isRetryableAwsError(sdkError("InternalFailure", "oops", 500))).toBe(true);
    expect(isRetryableAwsError(sdkError("TimeoutError", "timed out"))).toBe(true);
    expect(isRetryableAwsError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(isRetryableAwsError(sdkError("AccessDeniedException", "no", 403))).toBe(false);
    expect(isRetryableAwsError(sdkError("NotFoundException", "no", 404))).toBe(false);
    expect(isRetryableAwsError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
  });

  it("reads Retry-After seconds", () => {
    expect(retryAfterMs({ $response: { headers: { "retry-after": "2" } } })).toBe(2000);
    expect(retryAfterMs({})).toBe(0);
  });
});
