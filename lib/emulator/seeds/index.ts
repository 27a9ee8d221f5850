import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type EmulatorStore } from "../store";
import { seedHealthy } from "./healthy";
import { seedProxy } from "./proxy";
import { seedStorefront } from "./storefront";

/** The default seed: storefront, healthy and proxy in 123456789012 / us-east-1. */
export function seedDefault(store: EmulatorStore): void {
  const scope = store.scope(DEFAULT_ACCOUNT_ID, DEFAULT_REGION);
  seedStorefront(scope);
  seedHealthy(scope);
  seedProxy(scope);
}

export { seedStorefront, STOREFRONT_API_ID, STOREFRONT_PLANTED, type PlantedProblem } from "./storefront";
export { seedHealthy, HEALTHY_API_ID } from "./healthy";
export { seedProxy, PROXY_API_ID } from "./proxy";
export { generateLargeApi, seedManyApis } from "./large-api";
