import type { ApiModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

/**
 * Hand translations of aws/serverless-application-model tests/translator/output
 * api_with_cors_and_auth_preflight_auth.json and api_with_cors_and_auth_no_preflight_auth.json
 * (/work/shared/corpus/cloudformation): Globals Cors + a Lambda REQUEST DefaultAuthorizer whose
 * identity source is method.request.header.Authorization1, TTL unset (300 s), one stage "Prod".
 * The generated OPTIONS is a MOCK returning Allow-Methods and Allow-Origin ("origins", not a quoted literal).
 */
const AUTHORIZER = { type: "REQUEST" as const, identitySource: "method.request.header.Authorization1" };

/** AddDefaultAuthorizerToCorsPreflight left at its default (true): both OPTIONS carry the authorizer. */
export function samApiWithCorsAndAuthPreflightAuth(): ApiModel {
  return api({ name: "api_with_cors_and_auth_preflight_auth" })
    .authorizer("MyLambdaRequestAuth", AUTHORIZER)
    .resource("/", (r) =>
      r
        .method("GET", (m) => m.authorizer("MyLambdaRequestAuth"))
        .method("POST", (m) => m.authorizer("MyLambdaRequestAuth"))
        .options((m) =>
          m
            .authorizer("MyLambdaRequestAuth")
            .mock()
            .response("200", { "Access-Control-Allow-Methods": "'GET,OPTIONS,POST'", "Access-Control-Allow-Origin": "origins" }),
        ),
    )
    .resource("/any", (r) =>
      r
        .method("ANY", (m) => m.authorizer("MyLambdaRequestAuth"))
        .options((m) =>
          m.authorizer("MyLambdaRequestAuth").mock().response("200", {
            "Access-Control-Allow-Methods": "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'",
            "Access-Control-Allow-Origin": "origins",
          }),
        ),
    )
    .stage("Prod")
    .build();
}

/** AddDefaultAuthorizerToCorsPreflight: false — OPTIONS / has no security; GET and POST keep the authorizer. */
export function samApiWithCorsAndAuthNoPreflightAuth(): ApiModel {
  return api({ name: "api_with_cors_and_auth_no_preflight_auth" })
    .authorizer("MyLambdaRequestAuth", AUTHORIZER)
    .resource("/", (r) =>
      r
        .method("GET", (m) => m.authorizer("MyLambdaRequestAuth"))
        .method("POST", (m) => m.authorizer("MyLambdaRequestAuth"))
        .options((m) =>
          m.mock().response("200", { "Access-Control-Allow-Methods": "'GET,OPTIONS,POST'", "Access-Control-Allow-Origin": "origins" }),
        ),
    )
    .stage("Prod")
    .build();
}
