/**
 * Answers a broken proxy or a future API Gateway version might send: the operation runs normally, then its JSON
 * body is altered. Used to prove the reader and the normaliser turn each into a labelled result (a partial audit or
 * a named error) in bounded time, never a crash or a hang (issue 15, "A hostile or broken control plane").
 * Deterministic: the same body and fault give the same answer.
 */
export const BODY_FAULT_KINDS = ["MalformedJson", "UnexpectedEnum", "MissingFields", "ManyItems", "HugeStrings", "DeepNesting"] as const;
export type BodyFaultKind = (typeof BODY_FAULT_KINDS)[number];

export interface BodyFaultOptions {
  /** ManyItems: items in the answer's `item` list (default 10,000). */
  count?: number;
  /** HugeStrings: length of each replaced string (default 1 MiB). */
  sizeBytes?: number;
  /** DeepNesting: nesting depth (default 10,000). */
  depth?: number;
}

export const DEFAULT_MANY_ITEMS = 10_000;
export const DEFAULT_HUGE_STRING_BYTES = 1024 * 1024;
export const DEFAULT_NESTING_DEPTH = 10_000;

/** A value no API Gateway version documents today, for every enum the reader maps. */
export const UNKNOWN_ENUM_VALUE = "FUTURE_VALUE_2030";

// Fields whose values are enums in API Gateway's API reference (Method.authorizationType, Integration.type,
// Authorizer.type, RestApi.apiKeySource, EndpointConfiguration.types, Stage.cacheClusterSize/Status,
// MethodSetting.unauthorizedCacheControlHeaderStrategy, GatewayResponse.responseType, contentHandling):
// https://docs.aws.amazon.com/apigateway/latest/api/API_Types.html
const ENUM_FIELDS = new Set([
  "authorizationType",
  "type",
  "types",
  "apiKeySource",
  "cacheClusterSize",
  "cacheClusterStatus",
  "unauthorizedCacheControlHeaderStrategy",
  "responseType",
  "contentHandling",
  "connectionType",
  "loggingLevel",
]);

// Fields API Gateway always returns for the objects the reader reads (ids, paths, names, verbs).
const REQUIRED_FIELDS = new Set([
  "id",
  "path",
  "pathPart",
  "stageName",
  "deploymentId",
  "httpMethod",
  "name",
  "responseType",
  "statusCode",
]);

// Map-valued fields (string → string or boolean) that a deep structure replaces.
const MAP_FIELDS = new Set(["requestParameters", "responseParameters", "requestTemplates", "requestModels", "variables", "tags"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy of value where visit(key, child) replaces a property's value; undefined from visit means "recurse into it". */
function mapJson(value: Json, visit: (key: string, value: Json) => Json | undefined): Json {
  if (Array.isArray(value)) return value.map((item) => mapJson(item, visit));
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) out[key] = visit(key, child) ?? mapJson(child, visit);
  return out;
}

function deepValue(depth: number): Json {
  // Built iteratively: the emulator must not overflow its own stack building it.
  let value: Json = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

function withoutRequired(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutRequired);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) if (!REQUIRED_FIELDS.has(key)) out[key] = withoutRequired(child);
  return out;
}

function withUnknownEnums(value: Json): Json {
  return mapJson(value, (key, child) => {
    if (!ENUM_FIELDS.has(key)) return undefined;
    if (typeof child === "string") return UNKNOWN_ENUM_VALUE;
    if (Array.isArray(child) && child.every((item) => typeof item === "string")) return child.map(() => UNKNOWN_ENUM_VALUE);
    return undefined;
  });
}

function withDeepMaps(value: Json, depth: number): Json {
  const deep = deepValue(depth);
  let replaced = false;
  const out = mapJson(value, (key, child) => {
    if (!MAP_FIELDS.has(key) || child === null || typeof child !== "object") return undefined;
    replaced = true;
    return { nested: deep };
  });
  // Nothing map-like in this answer: nest an extra field at the top, where a future version might add one.
  if (!replaced && out !== null && typeof out === "object" && !Array.isArray(out)) out.futureField = deep;
  return out;
}

function withHugeStrings(value: Json, size: number): Json {
  const huge = "x".repeat(size);
  // Descriptions and names are free text in every object API Gateway returns; a 1 MiB one is what a hostile
  // account (or a proxy) can put there. Paths get one too, so routing and rendering see it.
  return mapJson(value, (key, child) =>
    typeof child === "string" && (key === "name" || key === "description" || key === "path") ? `${child}${huge}` : undefined,
  );
}

function withManyItems(value: Json, count: number): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const items = Array.isArray(value.item) ? value.item : [];
  const template: Json = items[0] ?? { id: "generated" };
  const many: Json[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i];
    if (item !== undefined) many.push(item);
    else if (template !== null && typeof template === "object" && !Array.isArray(template)) {
      // Unique ids (and paths, stage names) as a real long list would have.
      const copy: { [key: string]: Json } = { ...template };
      for (const key of ["id", "name", "stageName"]) if (typeof copy[key] === "string") copy[key] = `${copy[key] as string}-${i}`;
      if (typeof copy.path === "string") copy.path = `${copy.path === "/" ? "" : (copy.path as string)}/many${i}`;
      if (typeof copy.pathPart === "string") copy.pathPart = `many${i}`;
      many.push(copy);
    } else many.push(template);
  }
  const { position: _dropped, ...rest } = value;
  void _dropped;
  return { ...rest, item: many };
}

/** The altered body text for a fault applied to an answer `body` (the operation's normal JSON answer). */
export function applyBodyFault(kind: BodyFaultKind, body: unknown, options: BodyFaultOptions = {}): string {
  const json = (body ?? {}) as Json;
  switch (kind) {
    case "MalformedJson": {
      // A truncated answer, as a proxy that cut the connection short after the headers would leave it.
      const text = JSON.stringify(json);
      return `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}`;
    }
    case "UnexpectedEnum":
      return JSON.stringify(withUnknownEnums(json));
    case "MissingFields":
      return JSON.stringify(withoutRequired(json));
    case "ManyItems":
      return JSON.stringify(withManyItems(json, options.count ?? DEFAULT_MANY_ITEMS));
    case "HugeStrings":
      return JSON.stringify(withHugeStrings(json, options.sizeBytes ?? DEFAULT_HUGE_STRING_BYTES));
    case "DeepNesting":
      return stringifyDeep(withDeepMaps(json, options.depth ?? DEFAULT_NESTING_DEPTH));
  }
}

/**
 * JSON.stringify recurses and overflows the stack on a 10,000-deep value; this writes any depth with an explicit
 * stack (the emulator must be able to send what it builds).
 */
export function stringifyDeep(value: Json): string {
  const out: string[] = [];
  // Pending work, last first: a value to write, or literal text (a bracket, a comma, a key).
  const stack: Array<{ value: Json } | { text: string }> = [{ value }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: Json } | { text: string };
    if ("text" in next) {
      out.push(next.text);
      continue;
    }
    const json = next.value;
    if (Array.isArray(json)) {
      out.push("[");
      stack.push({ text: "]" });
      for (let i = json.length - 1; i >= 0; i--) {
        stack.push({ value: json[i] ?? null });
        if (i > 0) stack.push({ text: "," });
      }
    } else if (json !== null && typeof json === "object") {
      out.push("{");
      stack.push({ text: "}" });
      // As JSON.stringify: properties whose value is undefined are left out.
      const entries = Object.entries(json).filter(([, child]) => child !== undefined);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, Json];
        stack.push({ value: child });
        stack.push({ text: `${JSON.stringify(key)}:` });
        if (i > 0) stack.push({ text: "," });
      }
    } else out.push(JSON.stringify(json));
  }
  return out.join("");
}
