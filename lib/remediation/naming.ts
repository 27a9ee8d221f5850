import { escapeResourcePath } from "@/lib/model/method-settings";
import type { HttpVerb } from "@/lib/model/types";

/**
 * UpdateStage method-settings patch path, e.g. "/~1orders~1{id}/GET/caching/enabled" or "/*\/*\/caching/enabled".
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html and the MethodSetting keys in API_Stage.html.
 */
export function stageMethodSettingPatchPath(resourcePath: string, httpMethod: string, setting: string): string {
  // "~1" escaping of "/" (JSON pointer, API_PatchOperation.html): the same as the methodSettings keys.
  const resource = resourcePath === "*" ? "*" : escapeResourcePath(resourcePath);
  return `/${resource}/${httpMethod}/${setting}`;
}

/**
 * CloudFormation / SAM MethodSetting.ResourcePath: "/~1orders~1{id}", the root is "/", "/*" for all.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html
 */
export function cfnMethodSettingResourcePath(resourcePath: string): string {
  if (resourcePath === "*") return "/*";
  if (resourcePath === "/") return "/";
  return `/${escapeResourcePath(resourcePath)}`;
}

/**
 * Terraform aws_api_gateway_method_settings.method_path: "{resource_path}/{http_method}" without the leading
 * slash ("orders/{id}/GET"), or "*\/*". https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings
 */
export function terraformMethodPath(resourcePath: string, httpMethod: string): string {
  if (resourcePath === "*") return `*/${httpMethod}`;
  return `${resourcePath.replace(/^\//, "")}/${httpMethod}`;
}

/** Words of a resource path and verb, e.g. "/orders/{id}" OPTIONS → ["orders", "id", "options"]; the root is "root". */
function words(...parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const found = part.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    out.push(...found);
  }
  return out.length > 0 ? out : ["root"];
}

function pathWords(path: string): string[] {
  return path === "/" ? ["root"] : words(path);
}

/** CloudFormation logical ids are alphanumeric: "/orders/{id}" OPTIONS → "OrdersIdOptions". */
export function logicalId(...parts: string[]): string {
  const all = parts.flatMap((part) => (part.startsWith("/") ? pathWords(part) : words(part)));
  return all.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}

/** Terraform / Python identifiers: "/orders/{id}" OPTIONS → "orders_id_options". */
export function snakeName(...parts: string[]): string {
  const all = parts.flatMap((part) => (part.startsWith("/") ? pathWords(part) : words(part)));
  const name = all.join("_");
  return /^[0-9]/.test(name) ? `r_${name}` : name;
}

/** TypeScript identifiers: "/orders/{id}" OPTIONS → "ordersIdOptions". */
export function camelName(...parts: string[]): string {
  const id = logicalId(...parts);
  const name = id.charAt(0).toLowerCase() + id.slice(1);
  return /^[0-9]/.test(name) ? `r${name}` : name;
}

/** A human label for a method, as used in comments and SARIF logical locations: "/orders/{id} OPTIONS". */
export function methodLabel(path: string, httpMethod: HttpVerb | "*"): string {
  return `${path} ${httpMethod}`;
}

/**
 * One identifier per item, distinct even when two names share their words ("orders-auth", "orders_auth", or two
 * names of punctuation only, which all become "root"): a repeat gets a counter, e.g. ordersAuth, ordersAuth2.
 */
export function distinctIdentifiers<T>(
  items: readonly T[],
  base: (item: T) => string,
  join: (name: string, n: number) => string,
): Map<T, string> {
  const taken = new Set<string>();
  const out = new Map<T, string>();
  for (const item of items) {
    const name = base(item);
    let candidate = name;
    for (let n = 2; taken.has(candidate); n += 1) candidate = join(name, n);
    taken.add(candidate);
    out.set(item, candidate);
  }
  return out;
}
