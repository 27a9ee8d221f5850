import type { DataPlaneContext, DeployedStage } from "./data-plane/context";
import type { EmulatorStore } from "./store";

/**
 * The data plane's view of the store: a deployed stage (with the deployment snapshot it serves,
 * never the draft), the account's API keys, and the store's clock.
 */
export function createDataPlaneContext(store: EmulatorStore): DataPlaneContext {
  return {
    findDeployedStage(apiId, stageName): DeployedStage | undefined {
      for (const { account, region, api } of store.allApis()) {
        if (api.api.id !== apiId) continue;
        const stage = api.stages.get(stageName);
        const deployment = stage ? api.deployments.get(stage.deploymentId) : undefined;
        return stage && deployment ? { account, region, api, stage, deployment } : undefined;
      }
      return undefined;
    },
    apiKeys(accountId, region) {
      return store.accounts.get(accountId)?.regions.get(region)?.apiKeys.values() ?? [];
    },
    now: () => store.now(),
  };
}
