import type { CorsHeaders, ProbeKind } from "./types";

export type BrowserVerdict = { passes: true } | { passes: false; because: string };

export interface VerdictInput {
  kind: ProbeKind;
  status: number;
  cors: CorsHeaders;
  origin: string;
  /** The page's verb (the preflight's Access-Control-Request-Method). */
  verb: string;
  /** Access-Control-Request-Headers of the preflight, comma-separated lower-case names. */
  requestHeaders: string;
}

// Fetch standard, "CORS-safelisted method": these need no Allow-Methods entry.
const SAFELISTED_METHODS = new Set(["GET", "HEAD", "POST"]);

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Whether a browser accepts the answer, by the Fetch standard's CORS check and CORS-preflight fetch
 * (https://fetch.spec.whatwg.org/#cors-check, #cors-preflight-fetch-0), for a page fetch without cookies
 * (credentials mode "same-origin", so `*` is honoured): a preflight needs an ok status (2xx, a redirect fails),
 * Allow-Origin `*` or exactly the origin (a comma list is neither), the method listed unless safelisted, and every
 * requested header listed (`*` never covers Authorization). An actual response only needs the Allow-Origin check.
 */
export function browserVerdict(input: VerdictInput): BrowserVerdict {
  const { cors } = input;
  if (input.kind === "preflight" && (input.status < 200 || input.status > 299))
    return { passes: false, because: `the preflight answered ${input.status}, not 2xx` };
  const allowOrigin = cors["access-control-allow-origin"]?.trim();
  if (allowOrigin === undefined) return { passes: false, because: "no Access-Control-Allow-Origin" };
  if (allowOrigin !== "*" && allowOrigin !== input.origin)
    return { passes: false, because: `Access-Control-Allow-Origin is "${allowOrigin}", not ${input.origin}` };
  if (input.kind === "actual") return { passes: true };
  const methods = list(cors["access-control-allow-methods"]);
  if (!SAFELISTED_METHODS.has(input.verb) && !methods.includes(input.verb) && !methods.includes("*"))
    return { passes: false, because: `Access-Control-Allow-Methods lacks ${input.verb}` };
  const allowed = new Set(list(cors["access-control-allow-headers"]).map((name) => name.toLowerCase()));
  for (const header of list(input.requestHeaders).map((name) => name.toLowerCase())) {
    const covered = allowed.has(header) || (allowed.has("*") && header !== "authorization");
    if (!covered) return { passes: false, because: `Access-Control-Allow-Headers lacks ${header}` };
  }
  return { passes: true };
}
