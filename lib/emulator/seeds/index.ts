import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type EmulatorStore } from "../store";
import { seedFiles } from "./files";
import { seedHealthy } from "./healthy";
import { seedLambdaProxy } from "./lambda-proxy";
import { seedProxy } from "./proxy";
import { seedStorefront } from "./storefront";

/** The default seed: storefront, healthy, proxy, lambda-proxy and files in 123456789012 / us-east-1. */
export function seedDefault(store: EmulatorStore): void {
  const scope = store.scope(DEFAULT_ACCOUNT_ID, DEFAULT_REGION);
  seedStorefront(scope);
  seedHealthy(scope);
  seedProxy(scope);
  seedLambdaProxy(scope);
  seedFiles(scope);
}

export { seedStorefront, STOREFRONT_API_ID, STOREFRONT_PLANTED, type PlantedProblem } from "./storefront";
export { seedHealthy, HEALTHY_API_ID } from "./healthy";
export { seedProxy, PROXY_API_ID } from "./proxy";
export { generateLargeApi, seedManyApis } from "./large-api";
export { seedLambdaProxy, LAMBDA_PROXY_API_ID, LAMBDA_PROXY_PLANTED } from "./lambda-proxy";
export { seedFiles, FILES_API_ID, FILES_PLANTED } from "./files";
