import { updateStage } from "../control-plane/stages";
import type { Scope } from "../store";
import type { ApiBuilder } from "./api-builder";
import type { PlantedProblem } from "./storefront";

/**
 * The storefront's plantings for the second edition of the rule catalogue (issue 14), kept in their
 * own file so storefront.ts stays readable: `plantSecondEditionMethods` runs before the prod
 * deployment, `plantSecondEditionProdSettings` after it (stage settings need the stage).
 */
export const SECOND_EDITION_PLANTED: readonly PlantedProblem[] = [
  {
    id: "cache-control-fails-with-403",
    problem: "Cached GET whose override answers an unauthorized Cache-Control: max-age=0 with 403 (FAIL_WITH_403): a browser reload fails",
    where: ["GET /catalog"],
    stage: "prod",
  },
  {
    id: "cache-key-missing-request-parameters",
    problem: "Cached GET /catalog/{category} whose cache key leaves out method.request.path.category: every category shares one entry",
    where: ["GET /catalog/{category}"],
    stage: "prod",
  },
];

export function plantSecondEditionMethods(api: ApiBuilder): void {
  const cors = { allowOrigin: "https://shop.example.com" };
  api.mockMethod("/catalog", "GET", { authorizationType: "NONE" }, { categories: ["mugs", "plates"] }, {}, cors);
  api.mockMethod("/catalog/{category}", "GET", { authorizationType: "NONE", requestParameters: { "method.request.path.category": true } }, { items: [] }, {}, cors);
}

export function plantSecondEditionProdSettings(scope: Scope, apiId: string): void {
  updateStage(scope, apiId, "prod", [
    { op: "replace", path: "/~1catalog/GET/caching/enabled", value: "true" },
    { op: "replace", path: "/~1catalog/GET/caching/requireAuthorizationForCacheControl", value: "true" },
    { op: "replace", path: "/~1catalog/GET/caching/unauthorizedCacheControlHeaderStrategy", value: "FAIL_WITH_403" },
    { op: "replace", path: "/~1catalog~1{category}/GET/caching/enabled", value: "true" },
  ]);
}
