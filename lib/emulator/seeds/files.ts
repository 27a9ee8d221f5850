import { createRestApi } from "../control-plane/rest-apis";
import type { Scope } from "../store";
import { ApiBuilder } from "./api-builder";
import type { PlantedProblem } from "./storefront";

/**
 * "files": a Chalice-style upload API that serves images and PDFs, so its author put "*\/*" in
 * binaryMediaTypes; its preflight is the usual MOCK OPTIONS without contentHandling, which then fails
 * with 500 (aws/chalice#1310). Planted problems are exported as FILES_PLANTED.
 */
export const FILES_API_ID = "files00001";
export const FILES_DEPLOYMENT_ID = "fldeploy01";
export const FILES_ORIGIN = "https://files.example.com";

export const FILES_PLANTED: readonly PlantedProblem[] = [
  {
    id: "binary-media-breaks-mock-preflight",
    problem: "binaryMediaTypes contains */* and OPTIONS /documents is a MOCK without contentHandling CONVERT_TO_TEXT: every preflight gets 500",
    where: ["OPTIONS /documents"],
    stage: "api",
  },
];

export function seedFiles(scope: Scope): void {
  createRestApi(scope, {
    name: "files", description: "Chalice app: document upload and download", endpointConfiguration: { types: ["REGIONAL"] }, binaryMediaTypes: ["application/pdf", "*/*"],
  }, FILES_API_ID);
  const api = new ApiBuilder(scope, FILES_API_ID);
  const cors = { allowOrigin: FILES_ORIGIN };
  api.mockMethod("/documents", "GET", { authorizationType: "NONE" }, { documents: [] }, {}, cors);
  api.mockMethod("/documents", "PUT", { authorizationType: "NONE" }, { stored: true }, {}, cors);
  api.corsOptions("/documents", { allowMethods: "GET,PUT,OPTIONS", allowHeaders: "Content-Type", allowOrigin: FILES_ORIGIN });
  api.deploy({ stageName: "api", description: "chalice deploy", stageDescription: "Chalice stage" }, FILES_DEPLOYMENT_ID);
}
