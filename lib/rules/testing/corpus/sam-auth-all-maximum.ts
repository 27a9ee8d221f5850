import type { ApiModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

/**
 * Hand translation of aws/serverless-application-model tests/translator/output/api_with_auth_all_maximum.json:
 * two Cognito authorizers, a REQUEST authorizer (TTL 0), TOKEN authorizers with TTL 20 and 0, every
 * method requiring an API key, six ANY methods, no CORS anywhere, one stage "Prod".
 */
export function samApiWithAuthAllMaximum(): ApiModel {
  return api({ name: "api_with_auth_all_maximum" })
    .authorizer("MyCognitoAuth", { type: "COGNITO_USER_POOLS", identitySource: "method.request.header.MyAuthorizationHeader" })
    .authorizer("MyCognitoAuthMultipleUserPools", {
      type: "COGNITO_USER_POOLS",
      identitySource: "method.request.header.MyAuthorizationHeader2",
    })
    .authorizer("MyLambdaRequestAuth", {
      type: "REQUEST",
      ttl: 0,
      identitySource:
        "method.request.header.Authorization1, method.request.querystring.Authorization2, stageVariables.Authorization3, context.Authorization4",
    })
    .authorizer("MyLambdaTokenAuth", { type: "TOKEN", ttl: 20, identitySource: "method.request.header.MyCustomAuthHeader" })
    .authorizer("MyLambdaTokenAuthNoneFunctionInvokeRole", { type: "TOKEN", ttl: 0, identitySource: "method.request.header.Authorization" })
    .resource("/", (r) => r.method("GET", (m) => m.apiKey()))
    .resource("/any/cognitomultiple", (r) => r.method("ANY", (m) => m.authorizer("MyCognitoAuthMultipleUserPools").apiKey()))
    .resource("/any/default", (r) => r.method("ANY", (m) => m.authorizer("MyCognitoAuth").apiKey()))
    .resource("/any/lambdarequest", (r) => r.method("ANY", (m) => m.authorizer("MyLambdaRequestAuth").apiKey()))
    .resource("/any/lambdatoken", (r) => r.method("ANY", (m) => m.authorizer("MyLambdaTokenAuth").apiKey()))
    .resource("/any/lambdatokennone", (r) => r.method("ANY", (m) => m.authorizer("MyLambdaTokenAuthNoneFunctionInvokeRole").apiKey()))
    .resource("/any/noauth", (r) => r.method("ANY", (m) => m.apiKey()))
    .resource("/users", (r) =>
      r
        .method("DELETE", (m) => m.authorizer("MyLambdaRequestAuth").apiKey())
        .method("GET", (m) => m.authorizer("MyLambdaTokenAuth").apiKey())
        .method("PATCH", (m) => m.authorizer("MyLambdaTokenAuthNoneFunctionInvokeRole").apiKey())
        .method("POST", (m) => m.authorizer("MyCognitoAuthMultipleUserPools").apiKey())
        .method("PUT", (m) => m.authorizer("MyCognitoAuth").apiKey()),
    )
    .stage("Prod")
    .build();
}
