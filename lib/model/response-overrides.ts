/**
 * What an integration response's mapping template sets through `$context.responseOverride.header.<name>`: the
 * response headers a MOCK preflight (or any non-proxy method) returns besides its responseParameters. API Gateway
 * documents that a response mapping template can "programmatically create new parameters" and "override parameters
 * after standard API Gateway mappings have been applied", that overrides are final, and that overriding one parameter
 * twice answers 5XX (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html;
 * the variables are listed in https://aws.amazon.com/blogs/compute/overriding-request-response-parameters-and-response-status-in-amazon-api-gateway/).
 *
 * This is a small, bounded reader of the documented subset, not a Velocity engine: it never evaluates the template.
 * It follows `#set` assignments in order, knows literal strings and numbers, the request-parameter accessors
 * (`$input.params('x')`, `$input.params().header.get('x')`, `$input.params().get('header').get('x')`) and variables
 * assigned from them, and `$context.responseOverride.header.put("name", value)`. Anything else is "dynamic" with the
 * expression shown. A header set inside `#if`/`#foreach` is marked conditional. Work is linear in the template's
 * length and capped (MAX_TEMPLATE_CHARS, MAX_DIRECTIVES), and no regular expression is built from template text.
 */

export type OverrideValue =
  | { kind: "literal"; value: string }
  /** The request's Origin header, as the browser sent it. */
  | { kind: "echo-origin" }
  | { kind: "dynamic"; expression: string };

export interface HeaderOverride {
  /** As written in the template, e.g. "Access-Control-Allow-Origin". */
  name: string;
  value: OverrideValue;
  /** Set inside #if/#elseif/#else/#foreach: the header is sent only when the template's condition holds. */
  conditional: boolean;
}

export interface TemplateOverrides {
  headers: HeaderOverride[];
  /** Why the template was not read to its end (too long, too many directives); headers then lists what was read. */
  truncated?: string;
}

export const MAX_TEMPLATE_CHARS = 65_536;
export const MAX_DIRECTIVES = 2_000;
const MAX_SHOWN_EXPRESSION = 120;

const HEADER_PREFIX = "$context.responseOverride.header.";
const PUT_CALL = "$context.responseOverride.header.put(";

// Fixed, anchored patterns over whitespace-free expression text (no nested quantifiers: linear).
const PARAM_BY_NAME = /^\$!?\{?input\.params\((['"])([^'"]*)\1\)\}?$/;
const HEADER_GET = /^\$!?\{?input\.params\(\)\.header\.get\((['"])([^'"]*)\1\)\}?$/;
const MAP_GET = /^\$!?\{?input\.params\(\)\.get\((['"])header\1\)\.get\((['"])([^'"]*)\2\)\}?$/;
const VARIABLE = /^\$!?\{?([A-Za-z][A-Za-z0-9_-]*)\}?$/;
const NUMBER = /^-?\d{1,15}$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$/;

/** Reads one response mapping template. */
export function readResponseOverrides(template: string): TemplateOverrides {
  const text = template.length > MAX_TEMPLATE_CHARS ? template.slice(0, MAX_TEMPLATE_CHARS) : template;
  const out: TemplateOverrides = { headers: [] };
  if (template.length > MAX_TEMPLATE_CHARS) out.truncated = `only the first ${MAX_TEMPLATE_CHARS} characters were read`;
  const variables = new Map<string, OverrideValue>();
  let depth = 0;
  let directives = 0;
  let i = 0;
  while (i < text.length) {
    if (directives >= MAX_DIRECTIVES) {
      out.truncated = `only the first ${MAX_DIRECTIVES} directives were read`;
      break;
    }
    const c = text[i];
    if (c === "#") {
      if (text.startsWith("##", i)) {
        const nl = text.indexOf("\n", i);
        i = nl === -1 ? text.length : nl + 1;
        continue;
      }
      if (text.startsWith("#*", i)) {
        const close = text.indexOf("*#", i + 2);
        i = close === -1 ? text.length : close + 2;
        continue;
      }
      const name = directiveName(text, i + 1);
      if (name === undefined) {
        i += 1;
        continue;
      }
      directives += 1;
      const braced = text[i + 1] === "{";
      let next = i + 1 + name.length + (braced ? 2 : 0);
      if (name === "if" || name === "foreach") depth += 1;
      else if (name === "end") depth = Math.max(0, depth - 1);
      if (name === "set" || name === "if" || name === "elseif" || name === "foreach") {
        const open = skipSpaces(text, next);
        if (text[open] !== "(") {
          i = next;
          continue;
        }
        const close = matchingParen(text, open);
        if (close === -1) break;
        if (name === "set") assign(text.slice(open + 1, close), depth > 0, variables, out);
        next = close + 1;
      }
      i = next;
      continue;
    }
    if (c === "$" && text.startsWith(PUT_CALL, i)) {
      directives += 1;
      const open = i + PUT_CALL.length - 1;
      const close = matchingParen(text, open);
      if (close === -1) break;
      const args = splitTopLevel(text.slice(open + 1, close));
      if (args.length === 2) {
        const header = evaluate(args[0] ?? "", variables);
        if (header.kind === "literal") record(out, header.value, evaluate(args[1] ?? "", variables), depth > 0);
      }
      i = close + 1;
      continue;
    }
    i += 1;
  }
  return out;
}

function directiveName(text: string, at: number): string | undefined {
  const start = text[at] === "{" ? at + 1 : at;
  for (const name of ["elseif", "else", "set", "if", "end", "foreach"]) {
    if (!text.startsWith(name, start)) continue;
    const after = text[start + name.length];
    if (after !== undefined && /[A-Za-z0-9_]/.test(after)) continue;
    if (start !== at && after !== "}") continue;
    return name;
  }
  return undefined;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i += 1;
  return i;
}

/** Index of the ")" closing the "(" at `open`, skipping quoted strings; -1 when unbalanced. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth += 1;
    else if (c === ")") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** "a, b(c, d)" → ["a", "b(c, d)"]: commas outside quotes and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(" || c === "[") depth += 1;
    else if (c === ")" || c === "]") depth -= 1;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function assign(body: string, conditional: boolean, variables: Map<string, OverrideValue>, out: TemplateOverrides): void {
  const eq = topLevelEquals(body);
  if (eq === -1) return;
  const target = body.slice(0, eq).trim();
  const value = evaluate(body.slice(eq + 1), variables);
  if (target.startsWith(HEADER_PREFIX)) {
    record(out, target.slice(HEADER_PREFIX.length), value, conditional);
    return;
  }
  const variable = VARIABLE.exec(target);
  if (!variable?.[1]) return;
  const name = variable[1];
  const before = variables.get(name);
  // An assignment under a condition keeps the earlier value possible; the common "Origin, else origin" fallback
  // assigns the same kind of value twice, which stays that kind.
  variables.set(name, conditional && before ? merge(before, value) : value);
}

function topLevelEquals(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "=" && text[i + 1] !== "=" && text[i - 1] !== "=" && text[i - 1] !== "!") return i;
  }
  return -1;
}

function merge(a: OverrideValue, b: OverrideValue): OverrideValue {
  if (a.kind === "echo-origin" && b.kind === "echo-origin") return a;
  if (a.kind === "literal" && b.kind === "literal" && a.value === b.value) return a;
  return { kind: "dynamic", expression: "depends on the template's conditions" };
}

function record(out: TemplateOverrides, name: string, value: OverrideValue, conditional: boolean): void {
  if (!HEADER_NAME.test(name)) return;
  out.headers.push({ name, value, conditional });
}

function evaluate(raw: string, variables: Map<string, OverrideValue>): OverrideValue {
  const expression = raw.trim();
  if (
    expression.length >= 2 &&
    expression.startsWith("'") &&
    expression.endsWith("'") &&
    expression.indexOf("'", 1) === expression.length - 1
  )
    return { kind: "literal", value: expression.slice(1, -1) };
  if (
    expression.length >= 2 &&
    expression.startsWith('"') &&
    expression.endsWith('"') &&
    expression.indexOf('"', 1) === expression.length - 1
  ) {
    const inner = expression.slice(1, -1);
    if (!inner.includes("$")) return { kind: "literal", value: inner };
    return reference(inner.trim(), variables) ?? dynamic(expression);
  }
  if (NUMBER.test(expression)) return { kind: "literal", value: expression };
  return reference(expression, variables) ?? dynamic(expression);
}

function reference(expression: string, variables: Map<string, OverrideValue>): OverrideValue | undefined {
  const compact = expression.replace(/\s+/g, "");
  const parameter = PARAM_BY_NAME.exec(compact)?.[2] ?? HEADER_GET.exec(compact)?.[2] ?? MAP_GET.exec(compact)?.[3];
  if (parameter !== undefined) {
    // HTTP header names are case-insensitive; $input.params(x) searches path, query string and headers in that order.
    return parameter.toLowerCase() === "origin" ? { kind: "echo-origin" } : dynamic(expression);
  }
  const variable = VARIABLE.exec(compact)?.[1];
  if (variable !== undefined) return variables.get(variable);
  return undefined;
}

function dynamic(expression: string): OverrideValue {
  const shown = expression.length > MAX_SHOWN_EXPRESSION ? `${expression.slice(0, MAX_SHOWN_EXPRESSION)}…` : expression;
  return { kind: "dynamic", expression: shown };
}

/** "dynamic: echoes the request Origin" and the like, for findings and evidence. */
export function describeOverride(header: HeaderOverride): string {
  const value =
    header.value.kind === "literal"
      ? `'${header.value.value}'`
      : header.value.kind === "echo-origin"
        ? "dynamic: echoes the request Origin"
        : `dynamic: ${header.value.expression}`;
  return header.conditional ? `${value} (only when the template's condition holds)` : value;
}

/**
 * The headers an integration response's templates set, by header name (first spelling kept). A header that only some
 * of its templates set is conditional: which template answers depends on the content type negotiated for the call.
 */
export function templateHeaders(templates: Readonly<Record<string, string>> | undefined): Map<string, HeaderOverride> {
  const entries = Object.values(templates ?? {});
  const found = new Map<string, { header: HeaderOverride; count: number }>();
  for (const template of entries) {
    const seen = new Set<string>();
    for (const header of readResponseOverrides(template).headers) {
      const key = header.name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const before = found.get(key);
      if (!before) found.set(key, { header, count: 1 });
      else
        found.set(key, {
          header: {
            ...before.header,
            value: merge(before.header.value, header.value),
            conditional: before.header.conditional || header.conditional,
          },
          count: before.count + 1,
        });
    }
  }
  const out = new Map<string, HeaderOverride>();
  for (const [key, { header, count }] of found) out.set(key, count < entries.length ? { ...header, conditional: true } : header);
  return out;
}
