import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithCorsAndAuthPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";
import { smithyCorsWithCustomGatewayResponseHeaders } from "@/lib/rules/testing/corpus/smithy-cors-custom-gateway-response";

const products = (cors: Parameters<import("@/lib/rules/testing/model-builder").ResourceBuilder["cors"]>[0]) =>
  api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/products/{id}", (r) =>
      r
        .method("GET")
        .method("PUT", (m) => m.authorizer("jwt"))
        .method("DELETE", (m) => m.authorizer("jwt"))
        .cors(cors),
    )
    .stage("prod")
    .build();

// The multi-origin pattern of Terraform and CDK modules: the MOCK's template echoes the caller's Origin when it is allowed.
const ECHO_ALLOWED_ORIGIN = [
  '#set($origin = $input.params().header.get("Origin"))',
  '#if($origin == "") #set($origin = $input.params().header.get("origin")) #end',
  '#if($origin == "https://a.example.com" || $origin == "https://b.example.com")',
  "  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
  "#end",
].join("\n");

const echoing = (template: string, cors: Parameters<import("@/lib/rules/testing/model-builder").ResourceBuilder["cors"]>[0] = {}) =>
  api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders", (r) =>
      r
        .method("PUT", (m) => m.authorizer("jwt"))
        .method("OPTIONS", (m) => m.cors({ allowOrigin: undefined, ...cors }).responseTemplate("200", template)),
    )
    .stage("prod")
    .build();

export const cases: RuleCases = {
  valid: [
    { name: "console defaults: every method and header allowed", model: products({}) },
    {
      name: "GET and POST only need no Allow-Methods",
      model: api()
        .resource("/search", (r) =>
          r
            .method("GET")
            .method("POST", (m) => m.requestModel("application/x-www-form-urlencoded"))
            .cors({ allowMethods: undefined, allowHeaders: undefined }),
        )
        .build(),
    },
    {
      name: "proxied OPTIONS is judged by another rule",
      model: api()
        .resource("/x", (r) => r.method("PUT").options())
        .build(),
    },
    {
      name: "'*' headers cover everything but Authorization, which is listed",
      model: products({ allowHeaders: "*,Authorization" }),
    },
    {
      name: "Access-Control-Allow-Origin set by the MOCK's mapping template (echoes the allowed caller's Origin) is not missing",
      model: echoing(ECHO_ALLOWED_ORIGIN),
    },
    {
      name: "a literal origin set by the template through header.put is not missing",
      model: echoing('$context.responseOverride.header.put("Access-Control-Allow-Origin", "https://a.example.com")'),
    },
  ],
  invalid: [
    {
      name: "a POST without request models needs Content-Type in Allow-Headers for its JSON body, and the finding says it is assumed",
      model: api()
        .resource("/orders", (r) => r.method("POST").cors({ allowHeaders: "X-Requested-With" }))
        .build(),
      findings: [
        {
          messageId: "incomplete",
          messageIncludes: [
            "omits Content-Type from Access-Control-Allow-Headers",
            "POST /orders declares no request model, so it is assumed to take JSON",
          ],
        },
      ],
    },
    {
      name: "a template that echoes the origin does not hide the other problems, and the finding says the origin is dynamic",
      model: echoing(ECHO_ALLOWED_ORIGIN, { allowHeaders: "Content-Type" }),
      findings: [
        {
          messageId: "incomplete",
          severity: "medium",
          messageIncludes: [
            "omits Authorization from Access-Control-Allow-Headers",
            "its mapping template sets Access-Control-Allow-Origin dynamic: echoes the request Origin (only when the template's condition holds)",
          ],
        },
      ],
    },
    {
      name: "'*' set by the template with credentials mapped is refused by browsers",
      model: echoing("#set($context.responseOverride.header.Access-Control-Allow-Origin = '*')", { allowCredentials: true }),
      findings: [{ messageId: "incomplete", severity: "high", messageIncludes: ["Access-Control-Allow-Credentials true"] }],
    },
    {
      name: "Allow-Methods omits DELETE and Allow-Headers omits Authorization",
      model: products({ allowMethods: "GET,PUT,OPTIONS", allowHeaders: "Content-Type,X-Api-Key" }),
      findings: [
        {
          messageId: "incomplete",
          target: { path: "/products/{id}", httpMethod: "OPTIONS" },
          severity: "medium",
          stages: ["prod"],
          messageIncludes: ["omits DELETE from Access-Control-Allow-Methods", "omits Authorization from Access-Control-Allow-Headers"],
          fixKinds: ["set-preflight-headers", "redeploy-stage"],
        },
      ],
    },
    {
      name: "'*' in Allow-Headers does not cover Authorization",
      model: products({ allowHeaders: "*" }),
      findings: [{ messageId: "incomplete", messageIncludes: ["omits Authorization"] }],
    },
    {
      name: "'*' origin with credentials",
      model: products({ allowCredentials: true }),
      findings: [{ messageId: "incomplete", severity: "high", messageIncludes: ["Access-Control-Allow-Credentials true"] }],
    },
    {
      name: "no Access-Control-Allow-Origin",
      model: products({ allowOrigin: undefined }),
      findings: [{ messageId: "incomplete", severity: "high", messageIncludes: ["sends no Access-Control-Allow-Origin"] }],
    },
    {
      name: "the MOCK's default response is a 4xx",
      model: api()
        .resource("/x", (r) =>
          r.method("PUT").options((m) =>
            m.mock().response("400", {
              "Access-Control-Allow-Origin": "'*'",
              "Access-Control-Allow-Methods": "'PUT'",
              "Access-Control-Allow-Headers": "'Content-Type'",
            }),
          ),
        )
        .build(),
      findings: [{ messageId: "incomplete", severity: "high", messageIncludes: ["answers status 400"], draftOnly: true }],
    },
    {
      name: "sam api_with_cors_and_auth_preflight_auth: no Allow-Headers for the Authorization1 identity header",
      model: samApiWithCorsAndAuthPreflightAuth(),
      findings: [
        { messageId: "incomplete", target: { path: "/" }, messageIncludes: ["sends no Access-Control-Allow-Headers", "Authorization1"] },
        { messageId: "incomplete", target: { path: "/any" }, messageIncludes: ["Authorization1"] },
      ],
    },
    {
      name: "smithy cors-with-custom-gateway-response-headers: no Allow-Methods for PUT, Expose-Headers mapped but not declared",
      model: smithyCorsWithCustomGatewayResponseHeaders(),
      findings: [
        {
          messageId: "incomplete",
          severity: "high",
          messageIncludes: [
            "sends no Access-Control-Allow-Methods, so PUT",
            "Authorization, X-Amz-Date",
            "maps Access-Control-Expose-Headers without declaring it",
          ],
        },
      ],
    },
  ],
};
