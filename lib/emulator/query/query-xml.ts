import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * The AWS Query protocol's answers, as STS and CloudFormation send them: XML in the service's namespace, errors as
 * `<ErrorResponse>`. https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */

/** A text element, a structure, or a list (the Query protocol's `<member>` elements). */
export type XmlValue = string | XmlValue[] | { [element: string]: XmlValue };

export class QueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }

  /** Sender for the caller's mistakes (4xx), Receiver for the service's (5xx). */
  get faultType(): "Sender" | "Receiver" {
    return this.status >= 500 ? "Receiver" : "Sender";
  }

  static is(value: unknown): value is QueryError {
    return value instanceof QueryError;
  }
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

function element(name: string, value: XmlValue): string {
  if (typeof value === "string") return `<${name}>${escapeXml(value)}</${name}>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element("member", item)).join("")}</${name}>`;
  return `<${name}>${Object.entries(value)
    .map(([child, inner]) => element(child, inner))
    .join("")}</${name}>`;
}

function send(res: ServerResponse, status: number, requestId: string, body: string): void {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
  res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(text).toString(),
    "x-amzn-requestid": requestId,
  });
  res.end(text);
}

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata><RequestId>…` in `namespace` (CloudFormation shares the shape). */
export function sendQueryResult(res: ServerResponse, namespace: string, action: string, result: Record<string, XmlValue>): void {
  const requestId = randomUUID();
  const inner = element(`${action}Result`, result) + element("ResponseMetadata", { RequestId: requestId });
  send(res, 200, requestId, `<${action}Response xmlns="${namespace}">${inner}</${action}Response>`);
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…` */
export function sendQueryError(res: ServerResponse, namespace: string, error: QueryError): void {
  const requestId = randomUUID();
  const inner = element("Error", { Type: error.faultType, Code: error.code, Message: error.message }) + element("RequestId", requestId);
  send(res, error.status, requestId, `<ErrorResponse xmlns="${namespace}">${inner}</ErrorResponse>`);
}
