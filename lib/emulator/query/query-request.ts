import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSpec, Faults } from "../faults";
import type { RequestLog } from "../request-log";
import { applyTransportFault, readBody } from "../server/http-io";
import { QueryError, sendQueryError, sendQueryResult, type XmlValue } from "./query-xml";

/** One service that speaks the AWS Query protocol (STS, CloudFormation): its XML namespace, API version and operations. */
export interface QueryService {
  namespace: string;
  version: string;
  operations: ReadonlySet<string>;
}

/** A Query request whose Action and Version were accepted, logged in the request log; answer it with `fail` or `succeed`. */
export interface QueryRequest {
  action: string;
  params: URLSearchParams;
  fail(error: QueryError): void;
  succeed(result: Record<string, XmlValue>): void;
}

/** Query-protocol parameters: the query string, then (as the SDK sends them) the form-encoded body. */
async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  for (const [key, value] of new URLSearchParams(await readBody(req))) params.set(key, value);
  return params;
}

/**
 * Reads and logs a Query request, and answers AWS's MissingAction / InvalidAction errors itself (then it returns
 * undefined): an unknown action and a wrong `Version` get the same message, as AWS words it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
export async function openQueryRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  service: QueryService,
  caller: { accountId: string; region: string },
  requestLog: RequestLog,
): Promise<QueryRequest | undefined> {
  const params = await readParams(req, url);
  const action = params.get("Action");
  const entry = requestLog.add({
    operation: action ?? "Unknown",
    method: req.method ?? "POST",
    path: url.pathname,
    query: url.search,
    accountId: caller.accountId,
    region: caller.region,
    time: Date.now(),
    status: 0,
  });
  const fail = (error: QueryError) => {
    entry.status = error.status;
    sendQueryError(res, service.namespace, error);
  };
  if (!action) return void fail(new QueryError("MissingAction", "Missing Action", 400));
  if (!service.operations.has(action) || params.get("Version") !== service.version) {
    const version = params.get("Version") ?? "NO_VERSION_SPECIFIED";
    return void fail(new QueryError("InvalidAction", `Could not find operation ${action} for version ${version}`, 400));
  }
  return {
    action,
    params,
    fail,
    succeed(result) {
      entry.status = 200;
      sendQueryResult(res, service.namespace, action, result);
    },
  };
}

// The errors an injected fault stands for, in the Query protocol's codes.
const FAULT_ERRORS: Partial<Record<FaultSpec["kind"], () => QueryError>> = {
  AccessDenied: () => new QueryError("AccessDenied", "User is not authorized to perform this action (injected fault)", 403),
  Unauthorized: () =>
    new QueryError("InvalidClientTokenId", "The security token included in the request is invalid. (injected fault)", 403),
  InternalError: () => new QueryError("InternalFailure", "Internal server error (injected fault)", 500),
  Throttle: () => new QueryError("Throttling", "Rate exceeded", 400),
};

/** Applies a fault injected for this action and account, if any; true when the request has been answered. */
export async function answerInjectedFault(res: ServerResponse, request: QueryRequest, faults: Faults, accountId: string): Promise<boolean> {
  const fault = faults.take(request.action, accountId);
  if (await applyTransportFault(res, fault)) return true;
  const error = fault ? FAULT_ERRORS[fault.kind] : undefined;
  if (!error) return false;
  request.fail(error());
  return true;
}
