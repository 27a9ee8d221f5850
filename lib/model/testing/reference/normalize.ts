/**
 * Reference copy (a test oracle, never used by the product) of lib/model/normalize.ts as it was on main 29ed0d8, before the
 * normaliser's second speed pass (issue 16). normalize-differential.test.ts normalises every seed, every corpus template and
 * random snapshots with both and requires the same JSON and the same warnings. Kept as it was: do not optimise it.
 */
import { MODEL_SCHEMA_VERSION, type ApiIdentity, type ApiModel, type ModelPart } from "@/lib/model/types";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { createNormalizeCache, reshapeResourcesOnce, type NormalizeCache } from "@/lib/model/testing/reference/normalize-cache";
import { resourceDonor } from "@/lib/model/testing/reference/reshape-resources";
import { reshapeAuthorizers } from "@/lib/model/reshape-authorizers";
import { reshapeStage } from "@/lib/model/testing/reference/reshape-stages";
import { reshapeGatewayResponses } from "@/lib/model/gateway-responses";
import { stackOriginOf } from "@/lib/model/stack-origin";

/**
 * GetRestApi returns `policy` as JSON whose quotes are escaped (`{\"Version\":…}`), a long-standing quirk of
 * the REST API; a policy that does not parse as is gets its `\"` unescaped once.
 */
export function unescapePolicy(policy: string): string {
  try {
    JSON.parse(policy);
    return policy;
  } catch {
    return policy.replace(/\\"/g, '"').replace(/\\\\/g, "\\");
  }
}

export interface NormalizeResult {
  model: ApiModel;
  /** Values the reshape could not map exactly (unknown enum values AWS may add); shown to the user. */
  warnings: string[];
}

function reshapeIdentity(snapshot: RawApiSnapshot, warn: (message: string) => void): ApiIdentity {
  const raw = snapshot.restApi;
  // A value no documented version sends (a future one, or a broken proxy) is said, not silently taken for the default.
  if (raw.apiKeySource !== undefined && raw.apiKeySource !== "HEADER" && raw.apiKeySource !== "AUTHORIZER")
    warn(`The API has an unknown apiKeySource "${raw.apiKeySource}"; treated as HEADER.`);
  const identity: ApiIdentity = {
    id: raw.id,
    name: raw.name,
    region: snapshot.region,
    endpointTypes: [...(raw.endpointTypes ?? [])],
    // apiKeySource defaults to HEADER (https://docs.aws.amazon.com/apigateway/latest/api/API_RestApi.html).
    apiKeySource: raw.apiKeySource === "AUTHORIZER" ? "AUTHORIZER" : "HEADER",
    disableExecuteApiEndpoint: raw.disableExecuteApiEndpoint ?? false,
  };
  if (raw.description !== undefined) identity.description = raw.description;
  if (snapshot.accountId !== undefined) identity.accountId = snapshot.accountId;
  if (raw.createdDate !== undefined) identity.createdDate = raw.createdDate;
  if (raw.binaryMediaTypes && raw.binaryMediaTypes.length > 0) identity.binaryMediaTypes = [...raw.binaryMediaTypes];
  if (raw.policy) identity.policy = unescapePolicy(raw.policy);
  const stack = stackOriginOf(raw.tags);
  if (stack) identity.stack = stack;
  return identity;
}

export interface NormalizeOptions {
  /**
   * Shared by the normalisations of one audit (the draft and each stage's served configuration), which then reshape
   * each deployment and resource list once (normalize-cache.ts). Without it each call still shares within itself.
   */
  cache?: NormalizeCache;
}

/** Reshapes what the reader fetched into the normalized model. Pure: same snapshot, same model. */
export function normalizeApi(snapshot: RawApiSnapshot, options: NormalizeOptions = {}): NormalizeResult {
  const warnings: string[] = [...(snapshot.warnings ?? [])];
  const warn = (message: string) => warnings.push(message);
  const cache = options.cache ?? createNormalizeCache();
  const resources = snapshot.resources ? reshapeResourcesOnce(snapshot.resources, warn, cache) : undefined;
  // The deployments' exported resources are mostly these: they reuse what is equal (reshape-resources.ts).
  if (resources && !cache.donor) cache.donor = resourceDonor(resources);
  const stages = (snapshot.stages ?? [])
    .map((s) =>
      reshapeStage(
        s,
        s.deploymentId ? snapshot.deployments[s.deploymentId] : undefined,
        resources,
        warn,
        (id) => snapshot.deployments[id],
        cache,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const missing = [...snapshot.missing];
  const missingParts = new Set<ModelPart>(missing.map((m) => m.part));
  const model: ApiModel = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    api: reshapeIdentity(snapshot, warn),
    resources: resources ?? [],
    authorizers: snapshot.authorizers ? reshapeAuthorizers(snapshot.authorizers, warn) : [],
    stages,
    // When GetGatewayResponses failed the list stays empty (and `missing` says so) rather than
    // pretending every response is the built-in default.
    gatewayResponses:
      snapshot.gatewayResponses && !missingParts.has("gatewayResponses") ? reshapeGatewayResponses(snapshot.gatewayResponses) : [],
    missing,
  };
  return { model, warnings };
}
