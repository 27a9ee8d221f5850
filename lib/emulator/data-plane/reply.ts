import type { ServerResponse } from "node:http";

/** A complete HTTP answer, built as a value and written once. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function sendReply(res: ServerResponse, reply: HttpReply, requestId: string): void {
  // API Gateway stamps every response with its request id; clients and logs correlate on it.
  const headers: Record<string, string | number> = { ...reply.headers, "x-amzn-RequestId": requestId };
  headers["Content-Length"] = Buffer.byteLength(reply.body);
  res.writeHead(reply.statusCode, headers);
  res.end(reply.body);
}
