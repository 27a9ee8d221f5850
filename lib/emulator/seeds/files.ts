import { putIntegration } from "../control-plane/integrations";
import { putMethod, type PutMethodInput } from "../control-plane/methods";
import { createRestApi } from "../control-plane/rest-apis";
import { registerIntegrationFunction } from "../data-plane/integration-functions";
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
    problem:
      "binaryMediaTypes contains */* and OPTIONS /documents is a MOCK without contentHandling CONVERT_TO_TEXT: every preflight gets 500",
    where: ["OPTIONS /documents"],
    stage: "api",
  },
  {
    id: "resource-policy-denies-preflight",
    problem:
      "The resource policy allows /documents to everyone but /shares only to the account's IAM principals: the unsigned preflight of /shares is anonymous and gets 403",
    where: ["OPTIONS /shares"],
    stage: "api",
  },
];

/** Public documents for everyone; everything else for the account's signed (SigV4) callers only. */
export function filesPolicy(region: string, accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "PublicDocuments",
        Effect: "Allow",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*/*/documents", "execute-api:/*/*/documents/*"],
      },
      {
        Sid: "AccountCallers",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: "execute-api:Invoke",
        Resource: `arn:aws:execute-api:${region}:${accountId}:${FILES_API_ID}/*`,
      },
    ],
  });
}

export function seedFiles(scope: Scope): void {
  createRestApi(
    scope,
    {
      name: "files",
      description: "Chalice app: document upload and download",
      endpointConfiguration: { types: ["REGIONAL"] },
      binaryMediaTypes: ["application/pdf", "*/*"],
      policy: filesPolicy(scope.region, scope.accountId),
    },
    FILES_API_ID,
  );
  const api = new ApiBuilder(scope, FILES_API_ID);
  // The Chalice function answers the business methods (Lambda proxy) and sets its own CORS headers.
  const uri = `arn:aws:apigateway:${scope.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${scope.region}:${scope.accountId}:function:files-app/invocations`;
  registerIntegrationFunction(uri, (event) => ({
    statusCode: 200,
    headers: { "Content-Type": "application/json", "Access-Control-Allow-Origin": FILES_ORIGIN },
    body: JSON.stringify({ path: event.path, method: event.httpMethod }),
  }));
  const lambda = (path: string, verb: string, method: PutMethodInput) => {
    const resource = api.resource(path);
    putMethod(scope, FILES_API_ID, resource.id, verb, method);
    putIntegration(scope, FILES_API_ID, resource.id, verb, { type: "AWS_PROXY", httpMethod: "POST", uri });
  };
  lambda("/documents", "GET", { authorizationType: "NONE" });
  lambda("/documents", "PUT", { authorizationType: "NONE" });
  api.corsOptions("/documents", { allowMethods: "GET,PUT,OPTIONS", allowHeaders: "Content-Type", allowOrigin: FILES_ORIGIN });
  // Signed-in users share files with SigV4 (Cognito identity pool credentials in the browser).
  lambda("/shares", "PUT", { authorizationType: "AWS_IAM" });
  api.corsOptions("/shares", {
    allowMethods: "PUT,OPTIONS",
    allowHeaders: "Content-Type,Authorization,X-Amz-Date,X-Amz-Security-Token",
    allowOrigin: FILES_ORIGIN,
  });
  api.deploy({ stageName: "api", description: "chalice deploy", stageDescription: "Chalice stage" }, FILES_DEPLOYMENT_ID);
}
