import type { IncomingMessage, ServerResponse } from "node:http";
import { handleDataPlaneRequest, type DataPlaneContext } from "../data-plane";

/**
 * Execute-api requests (`/restapis/{apiId}/{stage}/_user_request_/...`) belong to the data plane
 * (`lib/emulator/data-plane/`); they carry no SigV4 and are not management calls.
 */
export const DATA_PLANE_PATH = /^\/restapis\/[^/]+\/[^/]+\/_user_request_(\/.*)?$/;

export function dispatchDataPlane(req: IncomingMessage, res: ServerResponse, context: DataPlaneContext): Promise<void> {
  return handleDataPlaneRequest(req, res, context);
}
