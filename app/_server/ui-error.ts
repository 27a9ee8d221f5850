import "server-only";
import { AccessDeniedError, type PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import { scrubServerPrincipal } from "@/lib/aws/errors/scrub-principal";
import type { UiError } from "@/app/actions/types";

/** The browser gets what to show and do, never a stack, a credential or the server's own principal ARN. */
export function toUiError(error: PreflightAwsError): UiError {
  return {
    code: error.code,
    message: scrubServerPrincipal(error.message),
    hint: scrubServerPrincipal(error.hint),
    operation: error.operation,
    ...(AccessDeniedError.is(error) ? { iamAction: error.iamAction, resourceArn: scrubServerPrincipal(error.resourceArn) } : {}),
  };
}

export function invalidConnection(message: string): UiError {
  return {
    code: "connection:invalid",
    message,
    hint: "Choose a connection on the home page: Demo, Environment, a profile, or an assumed role.",
  };
}

/** A connection, profile, region or role this deployment's allow-list does not name; refused before any AWS call. */
export function notAllowed(message: string): UiError {
  return {
    code: "connection:not-allowed",
    message,
    hint: "Whoever runs this Preflight decides what it may use (PREFLIGHT_ALLOWED_* or PREFLIGHT_ALLOW_LIST_FILE).",
  };
}
