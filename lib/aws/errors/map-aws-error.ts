import {
  AccessDeniedError,
  ExpiredCredentialsError,
  InvalidCredentialsError,
  InvalidRegionError,
  MalformedResponseError,
  NetworkError,
  NoCredentialsError,
  NotFoundError,
  PreflightAwsError,
  redactSecrets,
  RegionNotEnabledError,
  ServiceError,
  ThrottledError,
} from "@/lib/aws/errors/aws-errors";
import { resourceArnFor } from "@/lib/aws/errors/resource-arn";
import { findRegion, isRegionShaped } from "@/lib/aws/regions/commercial-regions";

export interface ErrorContext {
  operation: string;
  region?: string;
  restApiId?: string;
  deploymentId?: string;
  /** The profile behind the connection, for "aws sso login --profile …". */
  profile?: string;
  profileKind?: string;
  /** Human label of the connection, e.g. "profile dev" or "default credential chain". */
  connectionLabel?: string;
  /** Attempts made (retries included). */
  attempts?: number;
  /** Whether the endpoint is not AWS's own (the demo emulator or an override). */
  customEndpoint?: boolean;
}

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "TimeoutError"]);
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);

function statusOf(e: SdkLikeError): number | undefined {
  return e.$metadata?.httpStatusCode;
}

function codeOf(e: SdkLikeError): string | undefined {
  if (e.code) return e.code;
  const cause = e.cause as SdkLikeError | undefined;
  return cause?.code;
}

/** True for what is worth retrying: throttling, 5xx, timeouts and dropped connections. */
export function isRetryableAwsError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as SdkLikeError;
  const status = statusOf(e);
  if (status === 429 || e.name === "TooManyRequestsException" || e.name === "ThrottlingException") return true;
  if (status !== undefined && status >= 500) return true;
  if (e.name && TIMEOUT_NAMES.has(e.name)) return true;
  const code = codeOf(e);
  if (code && (TIMEOUT_CODES.has(code) || code === "ECONNRESET" || code === "EPIPE")) return true;
  return /socket hang up/i.test(e.message ?? "");
}

/** Seconds from a Retry-After header on a throttled answer, when present. */
export function retryAfterMs(error: unknown): number {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } })?.$response?.headers;
  const value = headers?.["retry-after"] ?? headers?.["Retry-After"];
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function who(ctx: ErrorContext): string {
  return ctx.connectionLabel ?? (ctx.profile ? `profile ${ctx.profile}` : "the default credential chain");
}

function ssoLogin(ctx: ErrorContext): string {
  return ctx.profile ? `aws sso login --profile ${ctx.profile}` : "aws sso login";
}

/**
 * Turns whatever the SDK threw into one of Preflight's typed errors, with the operation named and
 * a hint. Unknown errors become ServiceError("unexpected") carrying only the message (redacted).
 */
export function mapAwsError(error: unknown, ctx: ErrorContext): PreflightAwsError {
  if (PreflightAwsError.is(error)) return error;
  const e: SdkLikeError = typeof error === "object" && error !== null ? (error as SdkLikeError) : { message: String(error) };
  const name = e.name ?? "Error";
  const message = redactSecrets(e.message ?? name);
  const status = statusOf(e);
  const op = ctx.operation;
  const base = { operation: op, ...(ctx.region ? { region: ctx.region } : {}) };
  const where = ctx.region ? ` in ${ctx.region}` : "";

  // Credential provider failures (no request was sent).
  if (name === "CredentialsProviderError" || name === "TokenProviderError" || /Could not load credentials/i.test(message)) {
    if (/sso/i.test(message) && /(expired|refresh|invalid|token)/i.test(message)) {
      const cmd = ssoLogin(ctx);
      return new ExpiredCredentialsError(
        `The IAM Identity Center (SSO) session for ${who(ctx)} has expired or is not signed in (${op}).`,
        `Run: ${cmd}`,
        base,
        cmd,
      );
    }
    if (/profile .* (could not be found|not found)/i.test(message) || /Profile .* not found/i.test(message)) {
      return new NoCredentialsError(
        "credentials:missing",
        `Profile "${ctx.profile ?? "?"}" was not found in the AWS config or credentials files (${op}).`,
        "Check the profile name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.",
        base,
      );
    }
    return new NoCredentialsError(
      "credentials:missing",
      `No AWS credentials could be loaded from ${who(ctx)} (${op}): ${message}`,
      "Configure a profile (aws configure / aws configure sso) and pick it, or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
      base,
    );
  }

  if (
    name === "ExpiredTokenException" ||
    name === "ExpiredToken" ||
    /security token included in the request is expired/i.test(message) ||
    /token.*expired/i.test(message)
  ) {
    const sso = ctx.profileKind === "sso";
    const cmd = sso ? ssoLogin(ctx) : undefined;
    return new ExpiredCredentialsError(
      `The AWS credentials of ${who(ctx)} have expired (${op}${where}).`,
      sso ? `Run: ${cmd}` : "Refresh the credentials (a new session token, or sign in again) and retry.",
      base,
      cmd,
    );
  }

  if (
    name === "UnrecognizedClientException" ||
    name === "InvalidSignatureException" ||
    name === "InvalidClientTokenId" ||
    /security token included in the request is invalid/i.test(message)
  ) {
    if (ctx.region && findRegion(ctx.region)?.optIn) {
      return new RegionNotEnabledError(
        "region:not-enabled",
        `${ctx.region} is an opt-in region that this account has not enabled (${op}).`,
        "Enable the region in the account settings, or leave it out.",
        base,
      );
    }
    return new InvalidCredentialsError(
      "credentials:invalid",
      `API Gateway rejected the credentials of ${who(ctx)} (${op}${where}): ${message}`,
      "Check that the access key is active and the secret matches.",
      base,
    );
  }

  if (
    name === "AccessDeniedException" ||
    name === "UnauthorizedException" ||
    name === "AccessDenied" ||
    status === 401 ||
    (status === 403 && name !== "MissingAuthenticationTokenException")
  ) {
    const arn = resourceArnFor({ operation: op, region: ctx.region, restApiId: ctx.restApiId, deploymentId: ctx.deploymentId });
    return new AccessDeniedError(
      `Access denied to ${op} on ${arn} for ${who(ctx)}.`,
      `Allow the IAM action apigateway:GET on ${arn} (Preflight's policy grants it on arn:aws:apigateway:*::/restapis and arn:aws:apigateway:*::/restapis/*).`,
      base,
      arn,
    );
  }

  if (name === "NotFoundException" || status === 404) {
    if (ctx.restApiId && (op === "GetRestApi" || /API identifier/i.test(message))) {
      return new NotFoundError(
        "api:not-found",
        `REST API "${ctx.restApiId}" does not exist in ${ctx.region ?? "this region"} (${op}).`,
        "Check the API id and the region; `preflight list --all-regions` shows what exists.",
        base,
      );
    }
    return new NotFoundError(
      "api:not-found",
      `${op} found nothing${where}: ${message}`,
      "The API may have changed while it was read; run the audit again.",
      base,
    );
  }

  if (name === "TooManyRequestsException" || name === "ThrottlingException" || status === 429) {
    return new ThrottledError(
      `API Gateway kept throttling ${op}${where} after ${ctx.attempts ?? 1} attempts.`,
      "Another tool may be using the account's management quota (10 requests/s); wait a minute and retry.",
      base,
      ctx.attempts ?? 1,
    );
  }

  if (name === "BadRequestException" || status === 400) {
    return new ServiceError("request:invalid", `API Gateway refused ${op}${where}: ${message}`, "Check the API id and options.", base);
  }

  // Our own deadlines (lib/aws/client/api-gateway-port.ts): a whole attempt, or the audit, ran out of time.
  if (name === "DeadlineError" || (name === "AbortError" && (e.cause as SdkLikeError | undefined)?.name === "DeadlineError")) {
    return new NetworkError(
      "network:timeout",
      `${op}${where} gave no complete answer in time (${message}; ${ctx.attempts ?? 1} attempts).`,
      "The endpoint or a proxy on the way answers too slowly or never finishes; check the network or proxy and retry.",
      base,
    );
  }

  // A 2xx answer the SDK could not parse (truncated or non-JSON body): a broken proxy, or a format Preflight does not know.
  if (
    name === "SyntaxError" ||
    /Deserialization error|Unexpected token|JSON at position|Unterminated string|Unexpected end of JSON/i.test(message)
  ) {
    return new MalformedResponseError(
      "response:malformed",
      `${op}${where} answered with a body that is not valid JSON (${message.slice(0, 200)}).`,
      "A proxy between Preflight and API Gateway may be altering answers; check it, or retry.",
      base,
    );
  }

  const code = codeOf(e);
  if (TIMEOUT_NAMES.has(name) || (code && TIMEOUT_CODES.has(code))) {
    return new NetworkError(
      "network:timeout",
      `${op}${where} timed out after ${ctx.attempts ?? 1} attempts.`,
      "Check the network or proxy; the endpoint did not answer in time.",
      base,
    );
  }

  if (
    ctx.region &&
    !ctx.customEndpoint &&
    !findRegion(ctx.region) &&
    (code === "ENOTFOUND" || /Invalid region/i.test(message) || !isRegionShaped(ctx.region))
  ) {
    return new InvalidRegionError(
      "region:invalid",
      `"${ctx.region}" is not an AWS region (${op}).`,
      "Use a region code such as us-east-1 (see `preflight list --all-regions`).",
      base,
    );
  }

  if ((code && UNREACHABLE_CODES.has(code)) || /socket hang up|fetch failed|getaddrinfo/i.test(message)) {
    return new NetworkError(
      "network:unreachable",
      `Could not reach API Gateway for ${op}${where} (${code ?? message}).`,
      ctx.customEndpoint ? "Is the endpoint (e.g. the demo emulator) running?" : "Check the network, proxy or VPC endpoint.",
      base,
    );
  }

  if ((status !== undefined && status >= 500) || e.$fault === "server") {
    return new ServiceError(
      "service:unavailable",
      `API Gateway failed ${op}${where} (HTTP ${status ?? "5xx"}) after ${ctx.attempts ?? 1} attempts.`,
      "AWS had an internal error; retry in a moment.",
      base,
    );
  }

  return new ServiceError(
    "unexpected",
    `${op}${where} failed: ${name}: ${message}`,
    "Retry; if it persists, report it with this message.",
    base,
  );
}
