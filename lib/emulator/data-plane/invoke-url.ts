/**
 * The emulator's invoke URL, the same form LocalStack uses:
 * `/restapis/{apiId}/{stageName}/_user_request_/{path}`. On AWS the same request would go to
 * `https://{apiId}.execute-api.{region}.amazonaws.com/{stageName}/{path}`.
 */
export interface InvokeTarget {
  apiId: string;
  stageName: string;
  /** The resource path as the client sent it, always starting with "/", still percent-encoded. */
  path: string;
  query: URLSearchParams;
}

const INVOKE_PATH = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;

export function parseInvokeUrl(rawUrl: string): InvokeTarget | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl, "http://emulator.invalid");
  } catch {
    return undefined;
  }
  const match = INVOKE_PATH.exec(url.pathname);
  if (!match || !match[1] || !match[2]) return undefined;
  return { apiId: match[1], stageName: match[2], path: match[3] ?? "/", query: url.searchParams };
}
