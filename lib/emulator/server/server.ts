import { createServer, type Server } from "node:http";
import { parseAuthorization } from "../credentials";
import { createDataPlaneContext } from "../data-plane-context";
import type { Faults } from "../faults";
import type { RequestLog } from "../request-log";
import { handleAdmin } from "./admin";
import { handleControlPlane, type ControlPlaneDeps } from "./control-plane-handler";
import { DATA_PLANE_PATH, dispatchDataPlane } from "./data-plane-dispatch";
import { handleSts } from "../sts/handler";
import { handleCloudFormation } from "../cloudformation/handler";
import { sendJson } from "./http-io";

export interface ServerDeps extends ControlPlaneDeps {
  requestLog: RequestLog;
  faults: Faults;
  reset(): void;
}

/**
 * One HTTP server for everything: `/__emulator/*`, the data plane, STS (requests signed for the `sts`
 * service, as AWS_ENDPOINT_URL_STS pointed here sends them), CloudFormation's read calls (signed for
 * `cloudformation`), then the management API.
 */
export function createEmulatorServer(deps: ServerDeps): Server {
  const view = createDataPlaneContext(deps.store);
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const caller = parseAuthorization(req.headers.authorization, deps.defaultRegion);
    const work = url.pathname.startsWith("/__emulator/")
      ? handleAdmin(req, res, url.pathname, deps)
      : DATA_PLANE_PATH.test(url.pathname)
        ? dispatchDataPlane(req, res, view)
        : caller?.service === "sts"
          ? handleSts(req, res, url, caller, deps)
          : caller?.service === "cloudformation"
            ? handleCloudFormation(req, res, url, caller, deps)
            : handleControlPlane(req, res, url, deps);
    work.catch((error: unknown) => {
      console.error("[emulator] unhandled error", error);
      if (!res.headersSent) sendJson(res, 500, { message: "Internal server error" }, { "x-amzn-errortype": "InternalFailure" });
      else res.destroy();
    });
  });
}
