import type { IncomingMessage, ServerResponse } from "node:http";
import { parseAuthorization, DENIED_ACCOUNT_ID } from "../credentials";
import { ApiError } from "../errors";
import { applyBodyFault } from "../body-faults";
import { isBodyFault, type FaultSpec, type Faults } from "../faults";
import type { Quotas } from "../quotas";
import type { RequestLog, RequestLogEntry } from "../request-log";
import type { EmulatorStore } from "../store";
import type { StsState } from "../sts/sessions";
import { applyTransportFault, parseJsonBody, readBody, sendDrip, sendError, sendJson, sendText, sleep } from "./http-io";
import { compileRoutes, matchRoute } from "./route";
import { API_ROUTES } from "./routes-api";
import { DEPLOY_ROUTES } from "./routes-deploy";

/**
 * The management API: authenticate (presence of SigV4 only), route, log, apply faults, quotas and
 * latency, run the operation, and answer in AWS's wire format.
 */
export interface ControlPlaneDeps {
  store: EmulatorStore;
  requestLog: RequestLog;
  faults: Faults;
  quotas: Quotas | undefined;
  latencyMs: number;
  defaultPageSize: number;
  defaultRegion: string;
  /** Temporary credentials from the emulator's STS act in the assumed role's account. */
  sts: StsState;
}

const ROUTES = compileRoutes([...API_ROUTES, ...DEPLOY_ROUTES]);

const FAULT_ERRORS: Partial<Record<FaultSpec["kind"], () => ApiError>> = {
  AccessDenied: () => new ApiError("AccessDeniedException", "User is not authorized to perform this action (injected fault)"),
  Unauthorized: () => new ApiError("UnauthorizedException", "The security token included in the request is invalid (injected fault)"),
  InternalError: () => new ApiError("InternalFailure", "Internal server error (injected fault)"),
  Throttle: () => new ApiError("TooManyRequestsException", "Too Many Requests", 1),
};

export async function handleControlPlane(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlPlaneDeps): Promise<void> {
  const method = req.method ?? "GET";
  const parsed = parseAuthorization(req.headers.authorization, deps.defaultRegion);
  const caller = parsed && deps.sts.resolve(parsed);
  const matched = matchRoute(ROUTES, method, url.pathname, url.searchParams);
  const entry: RequestLogEntry = deps.requestLog.add({
    operation: matched?.route.operation ?? "Unknown",
    method,
    path: url.pathname,
    query: url.search,
    accountId: caller?.accountId ?? "",
    region: caller?.region ?? "",
    time: Date.now(),
    status: 0,
  });
  const fail = (error: ApiError) => {
    entry.status = error.status;
    sendError(res, error);
  };

  if (!caller) return fail(new ApiError("MissingAuthenticationTokenException", "Missing Authentication Token"));
  if (!matched) return fail(new ApiError("NotFoundException", `Unknown operation: ${method} ${url.pathname}`));
  if (caller.accountId === DENIED_ACCOUNT_ID) {
    return fail(
      new ApiError(
        "AccessDeniedException",
        `User: arn:aws:iam::${caller.accountId}:user/emulator is not authorized to perform: apigateway:${method} on resource: arn:aws:apigateway:${caller.region}::${url.pathname}`,
      ),
    );
  }

  const fault = deps.faults.take(matched.route.operation, caller.accountId);
  if (await applyTransportFault(res, fault)) return;
  const faultError = fault ? FAULT_ERRORS[fault.kind] : undefined;
  if (faultError) return fail(faultError());

  if (deps.quotas) {
    const quota = deps.quotas.check(caller.accountId, matched.route.operation);
    if (!quota.ok) return fail(new ApiError("TooManyRequestsException", "Too Many Requests", quota.retryAfterSeconds));
  }
  if (deps.latencyMs > 0) await sleep(deps.latencyMs);

  try {
    const rawBody = await readBody(req);
    const body = matched.route.rawBody ? undefined : parseJsonBody(rawBody);
    const result = await matched.route.handle({
      scope: deps.store.scope(caller.accountId, caller.region),
      params: matched.params,
      query: url.searchParams,
      body,
      rawBody,
      defaultPageSize: deps.defaultPageSize,
      ...(typeof req.headers.accept === "string" ? { accept: req.headers.accept } : {}),
    });
    entry.status = result.status;
    // Answer faults alter only successful answers: the operation ran, its answer is what a broken proxy passes on.
    if (fault && result.status < 300 && isBodyFault(fault.kind) && !result.text)
      return sendText(res, result.status, { contentType: "application/json", value: applyBodyFault(fault.kind, result.body, fault) });
    if (fault?.kind === "SlowDrip")
      return await sendDrip(res, result.status, result.text?.value ?? JSON.stringify(result.body ?? {}), fault);
    if (result.text) sendText(res, result.status, result.text, result.headers);
    else sendJson(res, result.status, result.body, result.headers);
  } catch (error) {
    if (ApiError.is(error)) return fail(error);
    console.error(`[emulator] ${matched.route.operation} failed`, error);
    fail(new ApiError("InternalFailure", "Internal server error"));
  }
}
