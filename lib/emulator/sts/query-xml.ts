import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * STS speaks the AWS Query protocol: form-encoded requests, XML answers in the
 * `https://sts.amazonaws.com/doc/2011-06-15/` namespace, errors as `<ErrorResponse>`.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

export type XmlValue = string | { [element: string]: XmlValue };

export class StsError extends Error {
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

  static is(value: unknown): value is StsError {
    return value instanceof StsError;
  }
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

function element(name: string, value: XmlValue): string {
  if (typeof value === "string") return `<${name}>${escapeXml(value)}</${name}>`;
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

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata><RequestId>…` */
export function sendResult(res: ServerResponse, action: string, result: Record<string, XmlValue>): void {
  const requestId = randomUUID();
  const inner = element(`${action}Result`, result) + element("ResponseMetadata", { RequestId: requestId });
  send(res, 200, requestId, `<${action}Response xmlns="${NAMESPACE}">${inner}</${action}Response>`);
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…` */
export function sendStsError(res: ServerResponse, error: StsError): void {
  const requestId = randomUUID();
  const inner = element("Error", { Type: error.faultType, Code: error.code, Message: error.message }) + element("RequestId", requestId);
  send(res, error.status, requestId, `<ErrorResponse xmlns="${NAMESPACE}">${inner}</ErrorResponse>`);
}
