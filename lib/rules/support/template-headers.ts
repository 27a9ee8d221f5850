import { ModelMemo } from "@/lib/model/model-memo";
import { templateHeaders, type HeaderOverride } from "@/lib/model/response-overrides";

/**
 * templateHeaders() of an integration response's templates, once per templates record: several rules ask it of every
 * 2xx response (is the API browser-facing, does the response set Access-Control-Allow-Origin, what does the default
 * response send), and each asking parsed every mapping template again. Model records are not changed once normalised,
 * so the answer is keyed by the record itself; callers only read the map.
 */
export function overriddenHeaders(templates: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, HeaderOverride> {
  if (templates === undefined || !mayOverride(templates)) return NONE;
  let headers = byTemplates.get(templates);
  if (!headers) {
    headers = templateHeaders(templates);
    byTemplates.set(templates, headers);
  }
  return headers;
}

/**
 * Every header a template sets is named after OVERRIDE_PREFIX (a `#set` of `$context.responseOverride.header.<name>`
 * or a `$context.responseOverride.header.put(…)` call: response-overrides.ts), so templates that never write it set
 * nothing. Most templates are a plain body ({"statusCode": 200}, a JSON example): they need neither parsing nor a
 * memo entry.
 */
function mayOverride(templates: Readonly<Record<string, string>>): boolean {
  for (const type in templates) {
    if (!Object.hasOwn(templates, type)) continue;
    const template: unknown = templates[type];
    // Anything but a string (an unresolved intrinsic from a template file) is left to the reader, as before.
    if (typeof template !== "string" || template.includes(OVERRIDE_PREFIX)) return true;
  }
  return false;
}

const OVERRIDE_PREFIX = "$context.responseOverride.header.";
const NONE: ReadonlyMap<string, HeaderOverride> = new Map();
const byTemplates = new ModelMemo<Readonly<Record<string, string>>, ReadonlyMap<string, HeaderOverride>>();
