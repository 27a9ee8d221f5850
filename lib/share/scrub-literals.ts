/**
 * Linear-time scrubbers for the shapes a regular expression would backtrack on (see redact.ts): JWTs inside long
 * base64url runs, and string literals in API Gateway request mapping templates. Each character is looked at a
 * bounded number of times, so a 100 KB hostile template costs milliseconds, not seconds.
 */

/**
 * Runs of base64url characters and dots. A run is matched once, greedily, with nothing after it that could fail, so
 * the engine never backtracks into it.
 */
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g;
/** A JWT's header segment is base64url of `{"…`, which always starts "eyJ" (RFC 7519 section 7.1, RFC 7515 section 3.1). */
const JWT_HEADER_START = "eyJ";
const MIN_JWT_SEGMENT = 5;

/** Where the JWT header starts inside one dot-free segment: at its start or just after a "-" (a word boundary). */
function jwtStart(segment: string): number {
  let from = 0;
  for (;;) {
    const at = segment.indexOf(JWT_HEADER_START, from);
    if (at < 0) return -1;
    if ((at === 0 || segment[at - 1] === "-") && segment.length - at - JWT_HEADER_START.length >= MIN_JWT_SEGMENT) return at;
    // Any later "eyJ" leaves a shorter tail, so once the tail is too short none can qualify.
    if (segment.length - at - JWT_HEADER_START.length < MIN_JWT_SEGMENT) return -1;
    from = at + JWT_HEADER_START.length;
  }
}

function scrubJwtsInRun(run: string, replacement: string): string {
  if (!run.includes(JWT_HEADER_START) || !run.includes(".")) return run;
  const segments = run.split(".");
  const out: string[] = [];
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i] ?? "";
    const start = i + 2 < segments.length ? jwtStart(segment) : -1;
    if (start >= 0 && (segments[i + 1] ?? "").length >= MIN_JWT_SEGMENT) {
      // header.payload.signature: the signature may be empty (an unsecured JWT, RFC 7519 section 6).
      out.push(segment.slice(0, start) + replacement);
      i += 3;
    } else {
      out.push(segment);
      i += 1;
    }
  }
  return out.join(".");
}

/** Replaces every JWT (eyJ….….…) with the replacement, in time linear in the text. */
export function scrubJwts(text: string, replacement: string): string {
  if (!text.includes(JWT_HEADER_START)) return text;
  return text.replace(TOKEN_RUN, (run) => scrubJwtsInRun(run, replacement));
}

/** The literal holds a VTL reference ($input, $context, $util, $stageVariables…), so it is an expression, not a value. */
function isReference(literal: string): boolean {
  return literal.includes("$");
}

/**
 * Replaces the string literals that are *values* in a request mapping template (a VTL template, usually producing
 * JSON): `"key": "value"`, `#set($x = 'value')`, `"a", "b"` in an array. Literals that are JSON keys (followed by ":")
 * and literals containing a VTL reference stay, so the template keeps its shape and its expressions
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html). One pass: each closing quote is
 * found with indexOf from the opening one and the scan resumes after it; once a quote character has no closer, no later
 * literal of that quote can close either, so it is never searched for again.
 */
export function scrubTemplateLiterals(template: string, replacement: string): string {
  const unclosed = { '"': false, "'": false };
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  while (i < template.length) {
    const quote = template[i];
    if ((quote !== '"' && quote !== "'") || unclosed[quote]) {
      i += 1;
      continue;
    }
    let close = template.indexOf(quote, i + 1);
    // A backslash-escaped quote does not close a JSON string.
    while (close > 0 && template[close - 1] === "\\") close = template.indexOf(quote, close + 1);
    if (close < 0) {
      unclosed[quote] = true;
      i += 1;
      continue;
    }
    const literal = template.slice(i + 1, close);
    let after = close + 1;
    while (after < template.length && (template[after] === " " || template[after] === "\t")) after += 1;
    const isKey = template[after] === ":";
    if (!isKey && literal.length > 0 && !isReference(literal)) {
      out += template.slice(copiedUpTo, i + 1) + replacement;
      copiedUpTo = close;
    }
    i = close + 1;
  }
  return out + template.slice(copiedUpTo);
}
