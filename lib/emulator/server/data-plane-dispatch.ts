import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataPlaneStoreView } from "../data-plane-context";
import { sendJson } from "./http-io";

/**
 * Execute-api requests (`/restapis/{apiId}/{stage}/_user_request_/...`) belong to the data plane,
 * built separately in `lib/emulator/data-plane/index.ts`. It is loaded lazily by a computed
 * specifier so the control plane compiles and runs (answering 501) before that module exists.
 */
export const DATA_PLANE_PATH = /^\/restapis\/[^/]+\/[^/]+\/_user_request_(\/.*)?$/;

type DataPlaneHandler = (req: IncomingMessage, res: ServerResponse, ctx: DataPlaneStoreView) => Promise<void>;

const DATA_PLANE_MODULE = ["..", "data-plane", "index"].join("/");
let loaded: Promise<DataPlaneHandler | undefined> | undefined;

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code === "ERR_MODULE_NOT_FOUND" || /Cannot find module|Failed to load url|Does the file exist/i.test(message);
}

async function loadDataPlane(): Promise<DataPlaneHandler | undefined> {
  try {
    const loadedModule = (await import(/* @vite-ignore */ DATA_PLANE_MODULE)) as { handleDataPlaneRequest?: DataPlaneHandler };
    return loadedModule.handleDataPlaneRequest;
  } catch (error) {
    if (isMissingModule(error)) return undefined;
    throw error;
  }
}

export async function dispatchDataPlane(req: IncomingMessage, res: ServerResponse, view: DataPlaneStoreView): Promise<void> {
  loaded ??= loadDataPlane();
  const handler = await loaded;
  if (!handler) {
    loaded = undefined; // retry next time: the module may appear while a dev server runs
    sendJson(res, 501, { message: "The emulator's data plane is not available in this build" });
    return;
  }
  await handler(req, res, view);
}
