import type { DataPlaneContext, DeployedStage } from "./data-plane/context";
import type { EmulatorStore } from "./store";
import type { RestApiState, StageWire } from "./state";

/**
 * A canary stage sends percentTraffic % of its requests to the canary deployment, with the canary's stage variable
 * overrides ("Set up an API Gateway canary release deployment",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html). Undefined: the base deployment serves.
 */
function canaryServes(stage: StageWire, api: RestApiState, random: () => number) {
  const canary = stage.canarySettings;
  const percent = canary?.percentTraffic ?? 0;
  if (!canary?.deploymentId || percent <= 0) return undefined;
  const deployment = api.deployments.get(canary.deploymentId);
  if (!deployment || random() * 100 >= percent) return undefined;
  const variables = { ...(stage.variables ?? {}), ...(canary.stageVariableOverrides ?? {}) };
  return { deployment, stage: { ...stage, deploymentId: canary.deploymentId, variables } };
}

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
        if (!stage || !deployment) return undefined;
        const canary = canaryServes(stage, api, store.random);
        return canary ? { account, region, api, ...canary } : { account, region, api, stage, deployment };
      }
      return undefined;
    },
    apiKeys(accountId, region) {
      return store.accounts.get(accountId)?.regions.get(region)?.apiKeys.values() ?? [];
    },
    now: () => store.now(),
  };
}
