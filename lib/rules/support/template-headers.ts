import { templateHeaders, type HeaderOverride } from "@/lib/model/response-overrides";

/**
 * templateHeaders() of an integration response's templates, once per templates record: several rules ask it of every
 * 2xx response (is the API browser-facing, does the response set Access-Control-Allow-Origin, what does the default
 * response send), and each asking parsed every mapping template again. Model records are not changed once normalised,
 * so the answer is keyed by the record itself; callers only read the map.
 */
export function overriddenHeaders(templates: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, HeaderOverride> {
  if (templates === undefined) return NONE;
  let headers = byTemplates.get(templates);
  if (!headers) {
    headers = templateHeaders(templates);
    byTemplates.set(templates, headers);
  }
  return headers;
}

const NONE: ReadonlyMap<string, HeaderOverride> = new Map();
const byTemplates = new WeakMap<Readonly<Record<string, string>>, ReadonlyMap<string, HeaderOverride>>();
