import type { ApiModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

/**
 * Hand translation of smithy-lang/smithy smithy-aws-apigateway-openapi test resource
 * cors-with-custom-gateway-response-headers.openapi.json: root security aws.auth.sigv4 applies to
 * both operations (the explicit OPTIONS has no security of its own), OPTIONS integrates with a
 * Lambda (type "aws") and maps Access-Control-Expose-Headers that its 200 method response does not
 * declare; only ACCESS_DENIED carries Access-Control-Allow-Origin. The document has no stage; "prod"
 * stands for the stage it would be deployed to.
 */
export function smithyCorsWithCustomGatewayResponseHeaders(): ApiModel {
  const expose = "'Content-Length,Content-Type,X-Amzn-Errortype,X-Amzn-Requestid'";
  return api({ name: "MyService", region: "us-west-2" })
    .resource("/foo", (r) =>
      r
        .method("PUT", (m) =>
          m
            .auth("AWS_IAM")
            .integrationType(
              "AWS_PROXY",
              "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:bar/invocations",
            )
            .response("201", { "Access-Control-Allow-Origin": null, "Access-Control-Expose-Headers": null })
            .integrationResponse("200", { "Access-Control-Allow-Origin": "'https://foo.com'", "Access-Control-Expose-Headers": expose }),
        )
        .options((m) =>
          m
            .auth("AWS_IAM")
            .integrationType(
              "AWS",
              "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:baz/invocations",
            )
            .response("200", { "X-Hd": null, "Access-Control-Allow-Origin": null })
            .integrationResponse("200", {
              "Access-Control-Allow-Origin": "'https://foo.com'",
              "Access-Control-Expose-Headers": "'Content-Length,Content-Type,X-Amzn-Errortype,X-Amzn-Requestid,X-Hd'",
            }),
        ),
    )
    .gatewayResponse("ACCESS_DENIED", {
      statusCode: "403",
      headers: {
        "Access-Control-Allow-Origin": "'domain.com'",
        Foo: "'baz'",
        "Access-Control-Expose-Headers": "'Access-Control-Allow-Origin,Foo'",
      },
    })
    .stage("prod")
    .build();
}
