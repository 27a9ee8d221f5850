import type { AccountState, ApiKeyState, DeploymentState, RestApiState, StageWire } from "../state";

/** Everything the data plane needs to serve one stage: the deployment the stage points at, and its owners. */
export interface DeployedStage {
  account: AccountState;
  region: string;
  api: RestApiState;
  stage: StageWire;
  deployment: DeploymentState;
}

/**
 * What the server hosting the data plane provides. The data plane never reads the store directly, so
 * tests can hand it in-memory state and the emulator can hand it its real store.
 */
export interface DataPlaneContext {
  findDeployedStage(apiId: string, stageName: string): DeployedStage | undefined;
  apiKeys(accountId: string, region: string): Iterable<ApiKeyState>;
  /** Epoch milliseconds; injectable so cache TTLs can be tested without waiting. */
  now?(): number;
}
