/**
 * Typed, actionable errors for everything that can go wrong talking to API Gateway. Each names the
 * failing operation and says what to do; none ever carries a credential. Codes follow "kind:surface".
 */
export type AwsErrorCode =
  | "credentials:missing"
  | "credentials:expired"
  | "credentials:invalid"
  | "access:denied"
  | "api:not-found"
  | "region:invalid"
  | "region:not-enabled"
  | "throttling:exhausted"
  | "network:timeout"
  | "network:unreachable"
  | "request:invalid"
  | "service:unavailable"
  | "response:malformed"
  | "unexpected";

export interface AwsErrorContext {
  operation: string;
  region?: string;
}

export class PreflightAwsError extends Error {
  readonly code: AwsErrorCode;
  readonly operation: string;
  readonly region?: string;
  /** What the user can do about it, one sentence. */
  readonly hint: string;

  constructor(code: AwsErrorCode, message: string, hint: string, context: AwsErrorContext) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.operation = context.operation;
    if (context.region !== undefined) this.region = context.region;
    this.hint = hint;
  }

  /**
   * Type guard inherited by every subclass: `AccessDeniedError.is(e)` narrows to AccessDeniedError. It reads the
   * class from `this`, so call it on the class; a detached `errors.filter(NotFoundError.is)` would throw.
   */
  static is<T extends PreflightAwsError>(this: abstract new (...args: never[]) => T, error: unknown): error is T {
    return error instanceof this;
  }

  /** A plain object for JSON output and the browser (no stack, no cause). */
  toJSON(): { code: AwsErrorCode; name: string; message: string; hint: string; operation: string; region?: string } {
    return {
      code: this.code,
      name: this.name,
      message: this.message,
      hint: this.hint,
      operation: this.operation,
      ...(this.region ? { region: this.region } : {}),
    };
  }
}

export class NoCredentialsError extends PreflightAwsError {}

export class ExpiredCredentialsError extends PreflightAwsError {
  /** e.g. "aws sso login --profile dev" when the profile uses IAM Identity Center. */
  readonly loginCommand?: string;
  constructor(message: string, hint: string, context: AwsErrorContext, loginCommand?: string) {
    super("credentials:expired", message, hint, context);
    if (loginCommand !== undefined) this.loginCommand = loginCommand;
  }
}

export class InvalidCredentialsError extends PreflightAwsError {}

export class AccessDeniedError extends PreflightAwsError {
  /** The IAM action that was refused: apigateway:GET for reads, sts:AssumeRole for a role connection. */
  readonly iamAction: string;
  readonly resourceArn: string;
  constructor(message: string, hint: string, context: AwsErrorContext, resourceArn: string, iamAction = "apigateway:GET") {
    super("access:denied", message, hint, context);
    this.resourceArn = resourceArn;
    this.iamAction = iamAction;
  }
}

export class NotFoundError extends PreflightAwsError {}

export class InvalidRegionError extends PreflightAwsError {}

export class RegionNotEnabledError extends PreflightAwsError {}

export class ThrottledError extends PreflightAwsError {
  readonly attempts: number;
  constructor(message: string, hint: string, context: AwsErrorContext, attempts: number) {
    super("throttling:exhausted", message, hint, context);
    this.attempts = attempts;
  }
}

export class NetworkError extends PreflightAwsError {}

export class ServiceError extends PreflightAwsError {}

/** API Gateway (or something between it and Preflight) answered with a body that is not the JSON it documents. */
export class MalformedResponseError extends PreflightAwsError {}

// AWS access key ids (AKIA… long-term, ASIA… temporary) must never reach a log, report or the browser.
const ACCESS_KEY = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g;

/** Strips anything that looks like an access key id from a message we pass on. */
export function redactSecrets(text: string): string {
  return text.replace(ACCESS_KEY, "[redacted key id]");
}
