import "server-only";
import { AccessDeniedError, type PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import type { UiError } from "@/app/actions/types";

/** The browser gets what to show and do, never a stack or a credential. */
export function toUiError(error: PreflightAwsError): UiError {
  return {
    code: error.code,
    message: error.message,
    hint: error.hint,
    operation: error.operation,
    ...(AccessDeniedError.is(error) ? { iamAction: error.iamAction, resourceArn: error.resourceArn } : {}),
  };
}

export function invalidConnection(message: string): UiError {
  return {
    code: "connection:invalid",
    message,
    hint: "Choose a connection on the home page: Demo, Environment, a profile, or an assumed role.",
  };
}
