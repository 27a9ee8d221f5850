import { CORS_HEADER_NAMES, type CorsHeaders, type ProbeAnswer } from "./types";

export interface ProbeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** An answer before the browser's verdict is put on it. */
export type RawAnswer = Omit<ProbeAnswer, "browser" | "blockedBecause">;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const MAX_BODY = 4_096;
const MAX_VALUE = 512;

const bounded = (value: string | null | undefined) => (value == null ? undefined : value.slice(0, MAX_VALUE));

/** Reads at most MAX_BODY bytes of the body and drops the rest, so a large or endless answer costs nothing. */
async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_BODY) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_BODY));
}

/** `message` of a JSON body, or `error` as customised gateway responses often call it; strings only. */
export function messageOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      for (const key of ["message", "Message", "error"]) if (typeof record[key] === "string") return bounded(record[key] as string);
    }
  } catch {
    // Not JSON: no message to record.
  }
  return undefined;
}

/**
 * One request, never following a redirect (`redirect: "manual"`: a 3xx is recorded with its Location, as a browser's
 * preflight would fail on it), with a hard timeout; a failure to answer is an observation, not an exception.
 */
export async function observe(request: ProbeRequest, fetchImpl: FetchLike = fetch): Promise<RawAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
      cache: "no-store",
      credentials: "omit",
    });
    const cors: CorsHeaders = {};
    for (const name of CORS_HEADER_NAMES) {
      const value = bounded(response.headers.get(name));
      if (value !== undefined) cors[name] = value;
    }
    const body = await readBounded(response);
    const errorType = bounded(response.headers.get("x-amzn-errortype"));
    const message = messageOf(body);
    const location = response.status >= 300 && response.status < 400 ? bounded(response.headers.get("location")) : undefined;
    return {
      status: response.status,
      ...(errorType ? { errorType } : {}),
      ...(message !== undefined ? { message } : {}),
      cors,
      ...(location ? { location } : {}),
      elapsedMs: elapsed(),
    };
  } catch (error) {
    const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { status: 0, cors: {}, failure: timeout ? "timeout" : "network", elapsedMs: elapsed() };
  }
}
