import type { AccountState, ApiKeyState, DeploymentState, RestApiState, StageWire } from "./state";
import type { EmulatorStore } from "./store";

/**
 * What the data plane may see of the store: a deployed stage (with the deployment snapshot it
 * serves, never the draft) and the account's API keys.
 */
export interface DeployedStage {
  account: AccountState;
  region: string;
  api: RestApiState;
  stage: StageWire;
  deployment: DeploymentState;
}

export interface DataPlaneStoreView {
  findDeployedStage(apiId: string, stageName: string): DeployedStage | undefined;
  apiKeys(accountId: string, region: string): ApiKeyState[];
}

export function createDataPlaneStoreView(store: EmulatorStore): DataPlaneStoreView {
  return {
    findDeployedStage(apiId, stageName) {
      for (const { account, region, api } of store.allApis()) {
        if (api.api.id !== apiId) continue;
        const stage = api.stages.get(stageName);
        const deployment = stage ? api.deployments.get(stage.deploymentId) : undefined;
        return stage && deployment ? { account, region, api, stage, deployment } : undefined;
      }
      return undefined;
    },
    apiKeys(accountId, region) {
      const state = store.accounts.get(accountId)?.regions.get(region);
      return state ? [...state.apiKeys.values()] : [];
    },
  };
}
