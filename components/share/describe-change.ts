import type { AuthorizerRef, MethodAccessSummary, MethodChange, MethodFieldChange } from "@/lib/share/compare";

function authorizer(ref: AuthorizerRef | null): string {
  return ref === null ? "none" : ref.name ? `${ref.name} (${ref.id})` : ref.id;
}

/** One field's change as "label: before → after". */
export function describeFieldChange(change: MethodFieldChange): string {
  switch (change.field) {
    case "authorizationType":
      return `authorization: ${change.before} → ${change.after}`;
    case "authorizer":
      return `authorizer: ${authorizer(change.before)} → ${authorizer(change.after)}`;
    case "apiKeyRequired":
      return `API key required: ${change.before ? "yes" : "no"} → ${change.after ? "yes" : "no"}`;
    case "integrationType":
      return `integration: ${change.before ?? "none"} → ${change.after ?? "none"}`;
  }
}

export function describeAccess(summary: MethodAccessSummary): string {
  const parts = [`authorization ${summary.authorizationType}`];
  if (summary.authorizer) parts.push(`authorizer ${authorizer(summary.authorizer)}`);
  parts.push(summary.apiKeyRequired ? "API key required" : "no API key");
  parts.push(`integration ${summary.integrationType ?? "none"}`);
  return parts.join(", ");
}

/** Every line a method change shows, e.g. ["authorization: COGNITO_USER_POOLS → NONE", ...]. */
export function describeMethodChange(change: MethodChange): string[] {
  switch (change.kind) {
    case "added":
      return [`added: ${describeAccess(change.after)}`];
    case "removed":
      return [`removed (was ${describeAccess(change.before)})`];
    case "changed":
      return change.changes.map(describeFieldChange);
  }
}
