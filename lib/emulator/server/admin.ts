import type { IncomingMessage, ServerResponse } from "node:http";
import { parseFaultSpec, type Faults } from "../faults";
import type { RequestLog } from "../request-log";
import { parseJsonBody, readBody, sendJson } from "./http-io";

/**
 * `/__emulator/*`: control for out-of-process tests (e2e, CLI). Unauthenticated on purpose; the
 * emulator only listens on loopback.
 */
export interface AdminDeps {
  requestLog: RequestLog;
  faults: Faults;
  reset(): void;
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, pathname: string, deps: AdminDeps): Promise<void> {
  const route = `${req.method} ${pathname.replace(/\/$/, "")}`;
  switch (route) {
    case "GET /__emulator/health":
      return sendJson(res, 200, { ok: true });
    case "GET /__emulator/requests":
      return sendJson(res, 200, { entries: deps.requestLog.entries(), counts: deps.requestLog.counts() });
    case "DELETE /__emulator/requests":
      deps.requestLog.clear();
      return sendJson(res, 204, undefined);
    case "GET /__emulator/faults":
      return sendJson(res, 200, { faults: deps.faults.list() });
    case "POST /__emulator/faults": {
      let body: unknown;
      try {
        body = parseJsonBody(await readBody(req));
      } catch {
        return sendJson(res, 400, { message: "fault must be JSON" });
      }
      const parsed = parseFaultSpec(body);
      if (!parsed.ok) return sendJson(res, 400, { message: parsed.error });
      return sendJson(res, 201, { id: deps.faults.add(parsed.spec) });
    }
    case "DELETE /__emulator/faults":
      deps.faults.clear();
      return sendJson(res, 204, undefined);
    case "POST /__emulator/reset":
      deps.reset();
      return sendJson(res, 204, undefined);
    default:
      return sendJson(res, 404, { message: `Unknown emulator control endpoint: ${route}` });
  }
}
