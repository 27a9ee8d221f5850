import type { ApiModel } from "@/lib/model/types";

/**
 * Whether every resource path of the model is plain: it starts with "/", has no "{" (no `{param}` or `{proxy+}`
 * segment), no empty segment ("//") and no trailing "/" (but "/" itself). Routing (lib/routing/resolve-route.ts)
 * drops empty segments, and only a path variable matches another resource's segment, so a plain path is answered by
 * a resource at that very path or by none: no preflight falls through to another resource's OPTIONS
 * (lib/rules/support/preflight-callers.ts), and the rules need not route every resource to learn it (issue 16:
 * 6,667 resources routed for an empty answer). A model with any other path is routed as before.
 */
export function allPathsPlain(model: ApiModel): boolean {
  for (const resource of model.resources) if (!isPlain(resource.path)) return false;
  return true;
}

function isPlain(path: string): boolean {
  if (path === "/") return true;
  return (
    path.length > 1 &&
    path.charCodeAt(0) === SLASH &&
    path.charCodeAt(path.length - 1) !== SLASH &&
    !path.includes("{") &&
    !path.includes("//")
  );
}

const SLASH = 47; // "/"
