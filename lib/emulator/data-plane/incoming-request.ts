import type { IncomingMessage } from "node:http";
import type { InvokeTarget } from "./invoke-url";

/** The parts of a client request that API Gateway evaluates, normalised once. */
export interface IncomingRequest {
  httpMethod: string;
  path: string;
  /** Lower-cased names; repeated headers joined with "," as HTTP allows. */
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  body: string;
  sourceIp: string;
}

/** API Gateway's REST payload limit. https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type ReadResult = { ok: true; request: IncomingRequest } | { ok: false; error: "payload-too-large" };

export async function readIncomingRequest(req: IncomingMessage, target: InvokeTarget): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Keep draining so the client sees our answer instead of a reset connection.
    if (size > MAX_PAYLOAD_BYTES) tooLarge = true;
    else chunks.push(buffer);
  }
  if (tooLarge) return { ok: false, error: "payload-too-large" };

  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? "").toLowerCase();
    const value = req.rawHeaders[i + 1] ?? "";
    (multiValueHeaders[name] ??= []).push(value);
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }

  const queryStringParameters: Record<string, string> = {};
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const [name, value] of target.query) {
    (multiValueQueryStringParameters[name] ??= []).push(value);
    // API Gateway's single-value view keeps the last occurrence.
    queryStringParameters[name] = value;
  }

  return {
    ok: true,
    request: {
      httpMethod: (req.method ?? "GET").toUpperCase(),
      path: target.path,
      headers,
      multiValueHeaders,
      queryStringParameters,
      multiValueQueryStringParameters,
      body: Buffer.concat(chunks).toString("utf8"),
      sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
    },
  };
}
