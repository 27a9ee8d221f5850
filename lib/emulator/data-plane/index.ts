export { handleDataPlaneRequest } from "./handler";
export type { DataPlaneContext, DeployedStage } from "./context";
export { registerAuthorizerFunction } from "./authorizer-functions";
export type { AuthorizerEvent, AuthorizerFunction, AuthorizerResult, PolicyStatement } from "./authorizer-functions";
export { flushAuthorizerCache } from "./authorizer-cache";
export { registerIntegrationFunction } from "./integration-functions";
export type { BackendEvent, BackendResult, IntegrationFunction } from "./integration-functions";
export { COGNITO_TOKEN_PREFIX } from "./cognito-authorizer";
export { resetDataPlaneCaches } from "./reset-caches";
