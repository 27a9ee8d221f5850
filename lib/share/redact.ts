/**
 * Defence in depth before an audit is stored or shared. The reader already keeps only stage variable
 * *names*, and the model has no place for API key values; this pass still scrubs anything that looks
 * like a credential wherever it appears (messages, evidence, templates, URIs, mapping literals) and drops
 * properties that must never be stored, in case a future reader or rule lets one slip through.
 */
import type { AuditReport } from "@/lib/audit/types";
import type { ProbeReport } from "@/lib/probe/types";
import { scrubJwts, scrubTemplateLiterals } from "@/lib/share/scrub-literals";

export const REDACTED = "[REDACTED]";

/** Properties that never belong in a stored audit, whatever they hold: dropped with their whole value. */
const DROPPED_KEYS = new Set(
  [
    "variables",
    "stageVariables",
    "stageVariableValues",
    "apiKeys",
    "apiKeyValue",
    "apiKeyValues",
    "accessKeyId",
    "secretAccessKey",
    "sessionToken",
    "credentials",
    "password",
  ].map((key) => key.toLowerCase()),
);

/**
 * Identifier-like keys (e.g. evidence entries) whose string values are secrets by name. Keys with dots are
 * mapping expressions ("integration.request.header.X-Auth-Token") whose values are references, handled below.
 */
const SECRET_KEY_NAME =
  /^(?!.*allow[_-]?credentials)(?:[^.]*(?:secret|passw(?:or)?d|credential|private[_-]?key|(?:access|session|auth|bearer|refresh|id|security)[_-]?token|api[_-]?key[_-]?value|stage[_-]?variable[_-]?values?)[^.]*|api[_-]?key|x-api-key)$/i;

// AWS access key ids (long-term AKIA, temporary ASIA, and the other documented prefixes).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g;
const ACCESS_KEY_ID_TEST = new RegExp(ACCESS_KEY_ID.source);
/** A 40-character secret access key: only redacted near an access key id or behind a secret-ish label. */
const SECRET_40 = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const LABELLED_SECRET = /((?:aws_?)?secret(?:_?access)?(?:_?key)?["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{16,}/gi;
/** STS session tokens start with these base64 prefixes. */
const SESSION_TOKEN = /\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+=]{20,}/g;
/** "Bearer <token>": at least 20 token characters with a digit, so prose such as "Bearer tokens" survives. */
const BEARER = /\b(Bearer|Token)(\s+)(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{20,}=*/g;
/** Header lines that carry credentials, e.g. "Authorization: Basic dXNlcjpwYXNz" or "x-api-key: abc123...". */
const CREDENTIAL_HEADER_LINE =
  /\b(authorization|proxy-authorization|x-api-key|x-amz-security-token|cookie)(\s*:\s*)(?!\[REDACTED\])[^\r\n"',;]+/gi;
/**
 * Query-string parameters (`?name=value`, `&name=value`): the name is at most 128 characters so a run without "=" is
 * abandoned quickly, and the value is one greedy run with nothing after it to backtrack into. Which names hold
 * secrets is decided by QUERY_SECRET_NAME, outside the scan.
 */
const QUERY_PARAMETER = /([?&;])([^=&#\s"'?;]{1,128})=([^&#\s"';]+)/g;
/** Names of query parameters that carry credentials: api_key, access_token, X-Amz-Signature, auth_code, session_id… */
const QUERY_SECRET_NAME = /^(?:key|sig|code)$|token|secret|passw|pwd|api[_-]?key|signature|credential|auth|session|jwt/i;
/**
 * User-info in a URI (RFC 3986 section 3.2.1: `scheme://user:password@host`); the scheme list is fixed so the pattern
 * has one anchor per "://" and the user-info stops at the first "/", "?", "#", "@" or space.
 */
const URI_USER_INFO =
  /\b((?:https?|wss?|ftps?|sftp|ssh|git|s3|postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqps?):\/\/)[^\s/?#@"'<>]+@/gi;

/** Mapping keys such as "integration.request.header.x-api-key" whose static literal value would be a credential. */
const SENSITIVE_HEADER_MAPPING =
  /\.(?:header|querystring)\.(authorization|proxy-authorization|x-api-key|cookie|x-amz-security-token|[^.]*(?:token|secret|password|api[_-]?key)[^.]*)$/i;
/**
 * Integration request parameters ("integration.request.header.X", ".querystring.", ".path."): a static value is sent
 * to the backend on every call, so it is a credential as often as not; rules read only the keys.
 */
const INTEGRATION_REQUEST_MAPPING = /^integration\.request\./i;
/** A static value in an API Gateway mapping is quoted: 'value'. References (method.request..., context...) are not. */
const STATIC_MAPPING_VALUE = /^'.*'$/s;

function scrubString(text: string, nearAccessKeyId: boolean): string {
  const hasKeyId = ACCESS_KEY_ID_TEST.test(text);
  let out: string = text
    .replace(ACCESS_KEY_ID, REDACTED)
    .replace(SESSION_TOKEN, REDACTED)
    .replace(LABELLED_SECRET, `$1${REDACTED}`)
    .replace(BEARER, `$1$2${REDACTED}`)
    .replace(CREDENTIAL_HEADER_LINE, `$1$2${REDACTED}`)
    .replace(URI_USER_INFO, `$1${REDACTED}@`)
    .replace(QUERY_PARAMETER, (whole, separator: string, name: string) =>
      QUERY_SECRET_NAME.test(name) ? `${separator}${name}=${REDACTED}` : whole,
    );
  out = scrubJwts(out, REDACTED);
  if (hasKeyId || nearAccessKeyId) out = out.replace(SECRET_40, REDACTED);
  return out;
}

function containsAccessKeyId(value: unknown): boolean {
  if (typeof value === "string") return ACCESS_KEY_ID_TEST.test(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === "string" && ACCESS_KEY_ID_TEST.test(item));
  return false;
}

function redactValue(value: unknown, key: string | undefined, nearAccessKeyId: boolean): unknown {
  if (typeof value === "string") {
    if (key !== undefined && SECRET_KEY_NAME.test(key)) return REDACTED;
    if (
      key !== undefined &&
      (SENSITIVE_HEADER_MAPPING.test(key) || INTEGRATION_REQUEST_MAPPING.test(key)) &&
      STATIC_MAPPING_VALUE.test(value)
    )
      return `'${REDACTED}'`;
    return scrubString(value, nearAccessKeyId);
  }
  if (Array.isArray(value)) {
    const near = nearAccessKeyId || value.some(containsAccessKeyId);
    return value.map((item) => redactValue(item, key, near));
  }
  if (key === "requestTemplates" && typeof value === "object" && value !== null && !Array.isArray(value)) {
    // Request mapping templates (content type -> VTL) build the backend request, static literals included.
    return Object.fromEntries(
      Object.entries(value).map(([type, template]) => [
        type,
        typeof template === "string"
          ? scrubString(scrubTemplateLiterals(template, REDACTED), nearAccessKeyId)
          : redactValue(template, type, nearAccessKeyId),
      ]),
    );
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([childKey]) => !DROPPED_KEYS.has(childKey.toLowerCase()));
    // A secret access key usually sits beside its key id (e.g. two evidence entries), so siblings count as "near".
    const near = nearAccessKeyId || entries.some(([, child]) => containsAccessKeyId(child));
    return Object.fromEntries(entries.map(([childKey, child]) => [childKey, redactValue(child, childKey, near)]));
  }
  return value;
}

/**
 * Returns a scrubbed deep copy of the report; the input is not modified. Structure is preserved
 * (same keys and types) except for properties in DROPPED_KEYS, which the AuditReport contract does not have.
 */
export function redactReport(report: AuditReport): AuditReport {
  return redactValue(report, undefined, false) as AuditReport;
}

/** The same pass over a live probe kept on its own (lib/share/recent-probes.ts), as it would be inside a shared report. */
export function redactProbe(probe: ProbeReport): ProbeReport {
  return redactValue(probe, undefined, false) as ProbeReport;
}
