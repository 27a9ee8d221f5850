import type { ApiModel, HttpVerb, ResourceModel } from "@/lib/model/types";
import { needsPreflight } from "./request-headers";

/** "PUT /orders/{id}", "PUT and DELETE /orders/{id}" or "any method on /admin/{proxy+}": what the user's browser was calling. */
export function describeBrowserCalls(
  model: ApiModel,
  resource: ResourceModel | undefined,
  path: string,
  fallback: HttpVerb[] = [],
): string {
  const methods = resource?.methods.filter((m) => m.httpMethod !== "OPTIONS") ?? [];
  if (methods.some((m) => m.httpMethod === "ANY")) return `any method on ${path}`;
  const preflighted = methods.filter((m) => needsPreflight(model, m)).map((m) => m.httpMethod);
  const verbs =
    preflighted.length > 0 ? preflighted : methods.length > 0 ? methods.map((m) => m.httpMethod) : fallback.filter((v) => v !== "OPTIONS");
  if (verbs.length === 0) return path;
  return `${joinWords(verbs)} ${path}`;
}

export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
