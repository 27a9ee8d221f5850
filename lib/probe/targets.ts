/**
 * Where a probe may send requests: only URLs derived from AWS's naming for this API and region, the API's own
 * custom domain names (read from GetDomainNames / GetBasePathMappings, never typed by a user), or the data plane of
 * the configured API Gateway-compatible endpoint (the emulator). Every request URL is built here from the model's
 * resource paths and checked against the target before it is sent, so a hostile path cannot leave the stage.
 */

/** A custom domain name mapped to this API and stage (GetBasePathMappings). */
export interface MappedDomain {
  domainName: string;
  /** "(none)" or "" for the root mapping, as API Gateway reports it. */
  basePath: string;
}

export interface ProbeTargetInput {
  apiId: string;
  region: string;
  stage: string;
  endpointTypes: readonly string[];
  disableExecuteApiEndpoint: boolean;
  /** The configured endpoint when the connection does not talk to AWS itself (the emulator's URL). */
  customEndpoint?: string;
  domains: readonly MappedDomain[];
}

export interface ProbeTarget {
  kind: "execute-api" | "custom-domain" | "endpoint-data-plane";
  /** Origin and stage prefix, without a trailing slash. */
  base: string;
  alsoServedAt: string[];
}

export type ProbeTargetResult = { ok: true; target: ProbeTarget } | { ok: false; reason: string };

// AWS REST API ids are 10 lower-case letters and digits; the emulator's seeds use the same shape.
const API_ID = /^[a-z0-9]{10}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
// Stage names: letters, digits, hyphens and underscores, up to 128 characters
// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html).
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
// A DNS name: labels of letters, digits and hyphens; no port, no user info, no path.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const BASE_PATH = /^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/;

/**
 * `https://{restapi_id}.execute-api.{region}.amazonaws.com/{stage_name}`, the default invoke URL
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html); China regions use
 * `amazonaws.com.cn` (https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html).
 */
export function executeApiBase(apiId: string, region: string, stage: string): string | undefined {
  if (!API_ID.test(apiId) || !REGION.test(region) || !STAGE.test(stage)) return undefined;
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://${apiId}.execute-api.${region}.${suffix}/${stage}`;
}

/** The emulator's invoke URL form (lib/emulator/data-plane/invoke-url.ts): `/restapis/{id}/{stage}/_user_request_`. */
export function endpointDataPlaneBase(endpoint: string, apiId: string, stage: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) return undefined;
  if (!/^[A-Za-z0-9]{1,64}$/.test(apiId) || !STAGE.test(stage)) return undefined;
  return `${url.origin}/restapis/${apiId}/${stage}/_user_request_`;
}

/** `https://{domain}/{basePath}` for a mapping read from the control plane; undefined when either part is not a plain name. */
export function customDomainBase(mapping: MappedDomain): string | undefined {
  const domain = mapping.domainName.toLowerCase();
  if (!DOMAIN.test(domain)) return undefined;
  const basePath = mapping.basePath === "(none)" ? "" : mapping.basePath;
  if (basePath !== "" && (!BASE_PATH.test(basePath) || basePath.split("/").some((part) => part === "." || part === ".."))) return undefined;
  return basePath ? `https://${domain}/${basePath}` : `https://${domain}`;
}

/** The one URL a probe of this stage talks to, or why the stage cannot be probed from here. */
export function probeTarget(input: ProbeTargetInput): ProbeTargetResult {
  // A private API answers only inside a VPC, through an interface endpoint
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html).
  if (input.endpointTypes.includes("PRIVATE"))
    return { ok: false, reason: "This is a PRIVATE API: it answers only from inside its VPC, so it is not probeable from here." };
  if (input.customEndpoint !== undefined) {
    const base = endpointDataPlaneBase(input.customEndpoint, input.apiId, input.stage);
    if (!base) return { ok: false, reason: "The configured endpoint has no data plane URL this probe can derive." };
    return { ok: true, target: { kind: "endpoint-data-plane", base, alsoServedAt: [] } };
  }
  const domains = input.domains.map(customDomainBase).filter((base): base is string => base !== undefined);
  // disableExecuteApiEndpoint: clients must use a custom domain name
  // (https://docs.aws.amazon.com/apigateway/latest/api/API_RestApi.html).
  if (input.disableExecuteApiEndpoint) {
    const [first, ...rest] = domains;
    if (!first) return { ok: false, reason: "The default execute-api endpoint is disabled and no custom domain name maps this stage." };
    return { ok: true, target: { kind: "custom-domain", base: first, alsoServedAt: rest } };
  }
  const base = executeApiBase(input.apiId, input.region, input.stage);
  if (!base) return { ok: false, reason: "The API id, region or stage name does not form an execute-api URL." };
  return { ok: true, target: { kind: "execute-api", base, alsoServedAt: domains } };
}

/** A resource path with its `{param}` and `{proxy+}` segments filled with a sample value, each segment percent-encoded. */
export function concretePath(resourcePath: string): string | undefined {
  if (!resourcePath.startsWith("/")) return undefined;
  const parts = resourcePath.split("/").slice(1);
  if (parts.length === 1 && parts[0] === "") return "/";
  const filled: string[] = [];
  for (const part of parts) {
    if (part === "" || part === "." || part === "..") return undefined;
    filled.push(/^\{[^{}]+\}$/.test(part) ? "preflight-probe" : encodeURIComponent(part));
  }
  return `/${filled.join("/")}`;
}

/**
 * The request URL for a path under the target, or undefined when the result would leave the target (another
 * origin, or outside the stage prefix after URL normalisation).
 */
export function requestUrl(target: Pick<ProbeTarget, "base">, requestPath: string): string | undefined {
  const base = new URL(target.base);
  let url: URL;
  try {
    url = new URL(`${target.base}${requestPath === "/" ? "/" : requestPath}`);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.search || url.hash || url.username || url.password) return undefined;
  return isUnderTarget(target, url.href) ? url.href : undefined;
}

/** True when `url` lies under the target: the last check before a request leaves. */
export function isUnderTarget(target: Pick<ProbeTarget, "base">, url: string): boolean {
  try {
    const parsed = new URL(url);
    const base = new URL(target.base);
    // A root custom domain's base has pathname "/": its prefix is "".
    const prefix = base.pathname.replace(/\/$/, "");
    return parsed.origin === base.origin && parsed.pathname.startsWith(`${prefix}/`);
  } catch {
    return false;
  }
}
