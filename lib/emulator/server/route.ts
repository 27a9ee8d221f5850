import type { Scope } from "../store";

/** One control-plane operation bound to its REST path, as the SDK's HTTP bindings define them. */
export interface RouteContext {
  scope: Scope;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  /** Raw body text, for ImportRestApi / PutRestApi whose body is an OpenAPI document. */
  rawBody: string;
  defaultPageSize: number;
  /** The Accept header (GetExport answers in the media type it names). */
  accept?: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Extra response headers (GetExport's Content-Disposition). */
  headers?: Record<string, string>;
  /** Send this text as is instead of JSON-encoding `body` (GetExport in YAML). */
  text?: { contentType: string; value: string };
}

export interface Route {
  operation: string;
  method: string;
  /** e.g. "/restapis/{restApiId}/resources/{resourceId}" */
  path: string;
  /** Extra query condition, e.g. ImportRestApi's `mode=import`. */
  when?: (query: URLSearchParams) => boolean;
  /** Whether the body is an OpenAPI document rather than JSON. */
  rawBody?: boolean;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { ...route, regex: new RegExp(`^${pattern}/?$`), names };
  });
}

export function matchRoute(routes: CompiledRoute[], method: string, pathname: string, query: URLSearchParams) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.regex.exec(pathname);
    if (!match || (route.when && !route.when(query))) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? "");
    });
    return { route, params };
  }
  return undefined;
}

export const ok = (body?: unknown): RouteResult => ({ status: 200, body });
export const created = (body?: unknown): RouteResult => ({ status: 201, body });
export const accepted = (): RouteResult => ({ status: 202 });
export const noContent = (): RouteResult => ({ status: 204 });

/** `embed` is a comma-separated list that may also be repeated (`embed=methods`). */
export function embeds(query: URLSearchParams, name: string): boolean {
  return query
    .getAll("embed")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .includes(name);
}
