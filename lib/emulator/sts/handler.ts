import type { IncomingMessage, ServerResponse } from "node:http";
import { DENIED_ACCOUNT_ID, type Caller } from "../credentials";
import type { Faults } from "../faults";
import type { RequestLog } from "../request-log";
import { answerInjectedFault, openQueryRequest, type QueryService } from "../query/query-request";
import { QueryError, type XmlValue } from "../query/query-xml";
import { accessDenied, assumeRole, getCallerIdentity } from "./operations";
import type { StsState } from "./sessions";

export interface StsDeps {
  sts: StsState;
  requestLog: RequestLog;
  faults: Faults;
}

// STS's Query-protocol namespace and version: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
const STS: QueryService = {
  namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  version: "2011-06-15",
  operations: new Set(["GetCallerIdentity", "AssumeRole"]),
};

/** Requests signed for the `sts` service (credential scope `…/region/sts/aws4_request`). */
export async function handleSts(req: IncomingMessage, res: ServerResponse, url: URL, caller: Caller, deps: StsDeps): Promise<void> {
  const resolved = deps.sts.resolve(caller);
  const request = await openQueryRequest(req, res, url, STS, resolved, deps.requestLog);
  if (!request) return;
  const { action, params, fail } = request;
  const identity = deps.sts.identity(resolved);
  if (!identity) return fail(new QueryError("InvalidClientTokenId", "The security token included in the request is invalid.", 403));
  // GetCallerIdentity needs no permission and cannot be denied by policy (API_GetCallerIdentity.html), so the
  // denied key, which stands for credentials refused everywhere else, still learns who it is.
  if (resolved.accountId === DENIED_ACCOUNT_ID && action !== "GetCallerIdentity") {
    return fail(accessDenied(identity, action, params.get("RoleArn") ?? undefined));
  }

  if (await answerInjectedFault(res, request, deps.faults, resolved.accountId)) return;

  let result: Record<string, XmlValue>;
  try {
    result = action === "AssumeRole" ? assumeRole(params, identity, deps.sts) : getCallerIdentity(identity);
  } catch (error) {
    if (QueryError.is(error)) return fail(error);
    throw error;
  }
  request.succeed(result);
}
