import { Callout } from "@/components/ui/callout";
import type { UiError } from "@/app/actions/types";

const TITLES: Record<string, string> = {
  "credentials:missing": "No AWS credentials found",
  "credentials:expired": "AWS credentials have expired",
  "credentials:invalid": "AWS rejected the credentials",
  "access:denied": "Access denied",
  "api:not-found": "API not found",
  "region:invalid": "Unknown region",
  "region:not-enabled": "Region not enabled for this account",
  "throttling:exhausted": "Throttled by API Gateway",
  "network:timeout": "API Gateway did not answer in time",
  "network:unreachable": "Could not reach API Gateway",
  "request:invalid": "Invalid request",
  "connection:invalid": "Invalid connection",
  "service:unavailable": "API Gateway is unavailable",
  "response:malformed": "API Gateway's answer could not be read",
};

export function errorTitle(error: UiError): string {
  return TITLES[error.code] ?? "Could not read from API Gateway";
}

/** The reader's actionable errors: what failed, which operation, and what to do about it. */
export function ReaderError({ error, compact = false, testId = "reader-error" }: { error: UiError; compact?: boolean; testId?: string }) {
  return (
    <Callout tone="error" title={errorTitle(error)} testId={testId} className={compact ? "py-1.5" : undefined}>
      <p data-code={error.code}>{error.message}</p>
      {error.iamAction ? (
        <p>
          Needed: <code className="font-mono">{error.iamAction}</code>
          {error.resourceArn ? (
            <>
              {" "}
              on <code className="font-mono break-all">{error.resourceArn}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {error.hint ? <p className="font-medium">{error.hint}</p> : null}
      {error.operation && !compact ? <p className="text-xs opacity-75">Operation: {error.operation}</p> : null}
    </Callout>
  );
}
