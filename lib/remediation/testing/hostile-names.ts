import fc from "fast-check";
import type { ApiModel } from "@/lib/model/types";
import type { Finding } from "@/lib/rules/types";
import { createRemediationContext, type RemediationContext } from "@/lib/remediation/context";
import { buildPlan, type RemediationPlan } from "@/lib/remediation/plan";
import { allIntentFindings, API_ID, storefrontModel } from "@/lib/remediation/testing/fixtures";

/**
 * Hostile names for the escaping tests: what anyone who can name an API, authorizer, resource, stage or header in
 * the audited account (or write the template) may choose. Every payload, if it ever runs, creates the file MARKER
 * in the current directory; the tests run generated code with a fresh temporary cwd and assert it never appears.
 */
export const MARKER = "PWNED";

/** Payloads aimed at each output language's way out of a string or comment. */
export const INJECTIONS: readonly string[] = [
  // The examples: out of a /** */ comment (Node, CDK), out of a docstring and string (Python), out of // (U+2028).
  `a */ require('child_process').execSync('touch ${MARKER}'); /* b`,
  `x") #"""; __import__('os').system('touch ${MARKER}'); """`,
  `x\u2028require('fs').writeFileSync('${MARKER}', '')//`,
  `x\u2029require("fs").writeFileSync("${MARKER}", "")\u2028//`,
  // Shell.
  `$(touch ${MARKER})`,
  `\`touch ${MARKER}\``,
  `'; touch ${MARKER}; echo '`,
  `"; touch ${MARKER}; echo "`,
  `\ntouch ${MARKER}\n`,
  `\r\ntouch ${MARKER} #`,
  // JavaScript / TypeScript strings and template literals.
  `"); require("fs").writeFileSync("${MARKER}", ""); ("`,
  `\${require("fs").writeFileSync("${MARKER}", "")}`,
  `\\"); require("fs").writeFileSync("${MARKER}", ""); //`,
  // Python strings, docstrings and escapes.
  `''' + __import__('os').system('touch ${MARKER}') + '''`,
  `\\N{x}"""; import os; os.system("touch ${MARKER}") #`,
  `\u0085import os; os.system("touch ${MARKER}")`,
  // YAML and HCL.
  `x: !!python/object/apply:os.system ["touch ${MARKER}"]`,
  `\${file("/etc/passwd")}%{ if true }x%{ endif }`,
  `"\n  injected = true\n#`,
  // Terminals, Markdown, spreadsheets.
  `\u001b]0;title\u0007\u001b[2J\u001b[31mred\u001b[0m`,
  `<img src=x onerror=alert(1)>[click](https://evil.example)![i](https://evil.example/i.png)`,
  `www.evil.example https://evil.example a@evil.example`,
  `=HYPERLINK("https://evil.example","x")`,
  `+1+cmd|' /C calc'!A0`,
  `@SUM(1)`,
  `-1`,
  `\tx`,
  // Trojan Source and other invisible characters.
  `\u202eevil\u202c\u2066x\u2069\ufeff\u200f`,
];

const TOKENS: readonly string[] = [
  "'",
  '"',
  "`",
  "\\",
  "$",
  "${",
  "%{",
  "{",
  "}",
  "#",
  "//",
  "/*",
  "*/",
  '"""',
  "'''",
  "-->",
  "<!--",
  "\n",
  "\r",
  "\t",
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u2028",
  "\u2029",
  "\u202e",
  "\ufeff",
  "é",
  "😀",
  "|",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  "!",
  "*",
  "_",
  "&",
  ";",
  ":",
  ",",
  "=",
  "+",
  "-",
  "@",
  " ",
  "\\u2028",
  "\\n",
  "%s",
  "~1",
  "/",
];

/** One hostile string: a payload, or a mix of dangerous tokens and arbitrary characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 4, unit: "grapheme" })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.join("")),
  },
);

export interface HostileNames {
  apiName: string;
  apiId: string;
  tokenAuthorizer: string;
  requestAuthorizer: string;
  /** Resource path of the fixture's /orders/{id}. */
  path: string;
  stage: string;
  headerName: string;
  /** Allowed origin: a header value. */
  headerValue: string;
}

/**
 * Hostile names with an alphanumeric tag each, so two of them never collide as identifiers (camelName drops the
 * punctuation): the tags keep the generated code well-formed, the rest of each name is free.
 */
export const hostileNames: fc.Arbitrary<HostileNames> = fc
  .record({
    apiName: hostileText,
    apiId: fc.oneof(fc.constant(API_ID), hostileText),
    tokenAuthorizer: hostileText,
    requestAuthorizer: hostileText,
    path: hostileText,
    stage: hostileText,
    headerName: hostileText,
    headerValue: hostileText,
  })
  .map((names) => ({
    ...names,
    tokenAuthorizer: `${names.tokenAuthorizer} tokA`,
    requestAuthorizer: `reqB ${names.requestAuthorizer}`,
    path: `/pathC${names.path.replace(/^\/*/, "/")}`,
    stage: `stageD${names.stage}`,
    // API Gateway writes a static header value as 'value' with no escape for a quote
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html), so the
    // renderers refuse a quote there (cors-headers.ts staticMappingValue); every other character stays.
    headerName: names.headerName.replace(/'/g, "") || "h",
    headerValue: names.headerValue.replace(/'/g, "") || "v",
  }));

/** The fixture's names, each to be replaced by its hostile counterpart wherever it is a whole string value. */
function replacements(names: HostileNames): Map<string, string> {
  return new Map([
    ["storefront", names.apiName],
    [API_ID, names.apiId],
    ["orders-token-authorizer", names.tokenAuthorizer],
    ["session-authorizer", names.requestAuthorizer],
    ["/orders/{id}", names.path],
    ["prod", names.stage],
    // The canary's deployment id (remove-stage-canary): ids come from AWS, but a stored audit is data like the rest.
    ["dep003", `dep${names.apiId}`],
    ["X-Api-Key", names.headerName],
    ["https://shop.example.com", names.headerValue],
  ]);
}

function replaceDeep<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (typeof value === "string") return (map.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => replaceDeep(item, map)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceDeep(item, map)])) as T;
  }
  return value;
}

/**
 * The storefront fixture (built with the rule tests' model builder) and its findings over every intent kind, with the
 * hostile names in place of the fixture's: in the model, in every intent, and in the messages that quote them.
 */
export function hostileStorefront(names: HostileNames): {
  model: ApiModel;
  findings: Finding[];
  ctx: RemediationContext;
  plan: RemediationPlan;
} {
  const map = replacements(names);
  const model = replaceDeep(storefrontModel(), map);
  const findings = replaceDeep(allIntentFindings(), map).map((finding) => ({
    ...finding,
    message: `${finding.ruleId} on ${names.apiName} at ${names.path} (authorizer ${names.tokenAuthorizer}, stage ${names.stage})`,
    symptom: `${finding.symptom} ${names.headerName}: ${names.headerValue}`,
  }));
  const ctx = createRemediationContext(model, findings);
  return { model, findings, ctx, plan: buildPlan(findings, ctx) };
}

/** A fixed seed per property, so a failure reproduces. */
export const SEED = 20261130;
