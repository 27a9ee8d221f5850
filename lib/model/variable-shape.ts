/**
 * The shape of a stage variable's value, decided at read time so the value itself is never kept
 * (stage variables are "not intended to be used for sensitive data" but often hold it:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html).
 * - reference: an ARN (Secrets Manager, SSM parameter, IAM role, Lambda alias…): the recommended pattern;
 * - url: an http(s) URL;
 * - secret-like: a known credential prefix, or a long random-looking token;
 * - plain: anything else (an alias, a flag, a name).
 */
export type VariableShape = "reference" | "url" | "secret-like" | "plain";

// Credential formats with a fixed prefix: Stripe keys, AWS access key ids, GitHub and Slack tokens, JWTs, PEM keys.
const KNOWN_SECRET =
  /^(sk|rk|pk)_(live|test)_|^(AKIA|ASIA)[A-Z0-9]{16}$|^gh[pousr]_[A-Za-z0-9]{20,}|^xox[abpr]-|^eyJ[A-Za-z0-9_-]{10,}\.|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export function variableShape(value: string): VariableShape {
  const text = value.trim().slice(0, 4096);
  if (/^arn:aws[a-z-]*:/.test(text)) return "reference";
  if (/^https?:\/\//i.test(text)) return "url";
  if (KNOWN_SECRET.test(text)) return "secret-like";
  // A long token mixing upper- and lower-case letters and digits (base64-like), or a long hex string, looks
  // generated (a key), not written by hand like "orders-table-production-2024".
  const base64Like =
    /^[A-Za-z0-9+/=_-]{24,}$/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text) && /\d/.test(text) && distinctRatio(text) > 0.4;
  if (base64Like || /^[a-f0-9]{32,}$/i.test(text)) return "secret-like";
  return "plain";
}

function distinctRatio(text: string): number {
  return new Set(text).size / text.length;
}
