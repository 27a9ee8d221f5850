import type { RawApiSnapshot, RawStage } from "@/lib/model/raw-snapshot";
import type { MissingPart } from "@/lib/model/types";
import type { OpenApiReading } from "@/lib/templates/openapi/read-definition";

export interface SnapshotOptions {
  id: string;
  region: string;
  /** Falls back to the definition's title, then the id. */
  name?: string;
  /** Stages the surrounding template deploys; a bare definition deploys none (then `stages` is reported missing). */
  stages?: RawStage[];
  missing?: MissingPart[];
}

/** An OpenAPI reading → a RawApiSnapshot `normalizeApi` accepts. Undeployed: no deployments, so stages serve the draft. */
export function snapshotFromOpenApi(reading: OpenApiReading, options: SnapshotOptions): RawApiSnapshot {
  const missing: MissingPart[] = [...(options.missing ?? [])];
  if (!options.stages) {
    missing.push({
      part: "stages",
      operation: "OpenAPI definition",
      reason: "An OpenAPI definition does not say which stages deploy it or how they are configured.",
    });
  }
  return {
    region: options.region,
    restApi: { ...reading.restApi, id: options.id, name: options.name ?? (reading.restApi.name || options.id) },
    resources: reading.resources,
    authorizers: reading.authorizers,
    stages: options.stages ?? [],
    gatewayResponses: reading.gatewayResponses,
    deployments: {},
    missing,
  };
}
