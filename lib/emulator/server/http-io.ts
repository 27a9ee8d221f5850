import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, badRequest } from "../errors";
import type { FaultSpec } from "../faults";

/** Reading requests and writing responses in API Gateway's REST-JSON wire format. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw badRequest("Request body is too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Could not parse request body into json: invalid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, { contentType: "application/json", value: body === undefined ? "" : JSON.stringify(body) }, headers);
}

/**
 * A body already serialised: text that is not JSON (GetExport in YAML), or JSON as a broken proxy would alter it
 * (lib/emulator/body-faults.ts). Every whole answer is written here.
 */
export function sendText(
  res: ServerResponse,
  status: number,
  text: { contentType: string; value: string },
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": text.contentType,
    "content-length": Buffer.byteLength(text.value).toString(),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.end(text.value);
}

/** AWS's error shape: status, `x-amzn-ErrorType`, `{"message"}` (and `Retry-After` on 429). */
export function sendError(res: ServerResponse, error: ApiError): void {
  const headers: Record<string, string> = { "x-amzn-errortype": error.type };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  sendJson(res, error.status, { message: error.message }, headers);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SlowDrip: the status and headers at once (with the true content-length), then the body `chunkBytes` at a time every
 * `delayMs`, the way a congested or hostile proxy trickles an answer. Each chunk resets a client's inactivity timer, so
 * only a whole-request deadline ends the wait. Stops when the client goes away.
 */
export async function sendDrip(
  res: ServerResponse,
  status: number,
  text: string,
  options: { chunkBytes?: number; delayMs?: number },
  headers: Record<string, string> = {},
): Promise<void> {
  const bytes = Buffer.from(text, "utf8");
  const chunkBytes = Math.max(1, options.chunkBytes ?? 16);
  const delayMs = options.delayMs ?? 1000;
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": bytes.length.toString(),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.flushHeaders();
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    if (res.destroyed || res.socket?.destroyed) return;
    res.write(bytes.subarray(offset, offset + chunkBytes));
    await sleep(delayMs);
  }
  res.end();
}

/** The transport part of an injected fault: `Drop` destroys the socket (returns true: nothing more to send), `Slow` waits. */
export async function applyTransportFault(res: ServerResponse, fault: FaultSpec | undefined): Promise<boolean> {
  if (fault?.kind === "Drop") {
    res.socket?.destroy();
    return true;
  }
  if (fault?.kind === "Slow") await sleep(fault.delayMs ?? 3000);
  return false;
}
