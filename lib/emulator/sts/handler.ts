import type { IncomingMessage, ServerResponse } from "node:http";
import { DENIED_ACCOUNT_ID, type Caller } from "../credentials";
import type { FaultSpec, Faults } from "../faults";
import type { RequestLog } from "../request-log";
import { applyTransportFault, readBody } from "../server/http-io";
import { accessDenied, assumeRole, getCallerIdentity } from "./operations";
import { sendResult, sendStsError, StsError, type XmlValue } from "./query-xml";
import type { StsState } from "./sessions";

export interface StsDeps {
  sts: StsState;
  requestLog: RequestLog;
  faults: Faults;
}

const VERSION = "2011-06-15";

const FAULT_ERRORS: Partial<Record<FaultSpec["kind"], () => StsError>> = {
  AccessDenied: () => new StsError("AccessDenied", "User is not authorized to perform this action (injected fault)", 403),
  Unauthorized: () => new StsError("InvalidClientTokenId", "The security token included in the request is invalid. (injected fault)", 403),
  InternalError: () => new StsError("InternalFailure", "Internal server error (injected fault)", 500),
  Throttle: () => new StsError("Throttling", "Rate exceeded", 400),
};

/** Query-protocol parameters: the query string, then (as the SDK sends them) the form-encoded body. */
async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  const body = await readBody(req);
  for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
  return params;
}

/** Requests signed for the `sts` service (credential scope `…/region/sts/aws4_request`). */
export async function handleSts(req: IncomingMessage, res: ServerResponse, url: URL, caller: Caller, deps: StsDeps): Promise<void> {
  const resolved = deps.sts.resolve(caller);
  const params = await readParams(req, url);
  const action = params.get("Action");
  const entry = deps.requestLog.add({
    operation: action ?? "Unknown",
    method: req.method ?? "POST",
    path: url.pathname,
    query: url.search,
    accountId: resolved.accountId,
    region: resolved.region,
    time: Date.now(),
    status: 0,
  });
  const fail = (error: StsError) => {
    entry.status = error.status;
    sendStsError(res, error);
  };

  if (!action) return fail(new StsError("MissingAction", "Missing Action", 400));
  const operations: Record<string, true> = { GetCallerIdentity: true, AssumeRole: true };
  if (!operations[action] || params.get("Version") !== VERSION) {
    return fail(
      new StsError(
        "InvalidAction",
        `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
        400,
      ),
    );
  }
  const identity = deps.sts.identity(resolved);
  if (!identity) return fail(new StsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403));
  // GetCallerIdentity needs no permission and cannot be denied by policy (API_GetCallerIdentity.html), so the
  // denied key, which stands for credentials refused everywhere else, still learns who it is.
  if (resolved.accountId === DENIED_ACCOUNT_ID && action !== "GetCallerIdentity") {
    return fail(accessDenied(identity, action, params.get("RoleArn") ?? undefined));
  }

  const fault = deps.faults.take(action, resolved.accountId);
  if (await applyTransportFault(res, fault)) return;
  const faultError = fault ? FAULT_ERRORS[fault.kind] : undefined;
  if (faultError) return fail(faultError());

  let result: Record<string, XmlValue>;
  try {
    result = action === "AssumeRole" ? assumeRole(params, identity, deps.sts) : getCallerIdentity(identity);
  } catch (error) {
    if (StsError.is(error)) return fail(error);
    throw error;
  }
  entry.status = 200;
  sendResult(res, action, result);
}
