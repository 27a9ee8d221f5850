import type { ServerResponse } from "node:http";

/** A complete HTTP answer, built as a value and written once. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function sendReply(res: ServerResponse, reply: HttpReply, requestId: string): void {
  // API Gateway stamps every response with its request id and its extended request id (x-amz-apigw-id, the
  // $context.extendedRequestId of https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html);
  // clients and logs correlate on them.
  const headers: Record<string, string | number> = { ...reply.headers, "x-amzn-RequestId": requestId, "x-amz-apigw-id": requestId };
  headers["Content-Length"] = Buffer.byteLength(reply.body);
  res.writeHead(reply.statusCode, headers);
  res.end(reply.body);
}
