export { readOpenApiDefinition, type OpenApiInput, type OpenApiReading } from "@/lib/templates/openapi/read-definition";
export { readOpenApiFile } from "@/lib/templates/openapi/read-file";
export { openApiVersion, isOpenApiDefinition } from "@/lib/templates/openapi/detect";
export { snapshotFromOpenApi, type SnapshotOptions } from "@/lib/templates/openapi/snapshot";
export { placeholderIntrinsics, placeholderText, type IntrinsicHooks } from "@/lib/templates/openapi/values";
export type { BasePathMode } from "@/lib/templates/openapi/paths";
