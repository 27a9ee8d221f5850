import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type ApiBuilder } from "@/lib/rules/testing/model-builder";

const APP = "https://app.example.com";
const base = () =>
  api()
    .resource("/orders", (r) =>
      r
        .method("GET", (m) =>
          m.integrationType("HTTP", "https://backend.example.com/orders").response("200", { "Access-Control-Allow-Origin": `'${APP}'` }),
        )
        .cors({ allowOrigin: APP }),
    )
    .stage("prod");
const withGet = (headers: Record<string, string>, configure: (a: ApiBuilder) => ApiBuilder = (a) => a) =>
  configure(
    api()
      .resource("/orders", (r) =>
        r
          .method("GET", (m) => m.integrationType("HTTP", "https://backend.example.com/orders").response("200", headers))
          .cors({ allowOrigin: APP }),
      )
      .stage("prod"),
  ).build();

export const cases: RuleCases = {
  valid: [
    {
      name: "one origin everywhere",
      model: base()
        .gatewayResponse("DEFAULT_4XX", {
          headers: { "Access-Control-Allow-Origin": `'${APP}'`, "Access-Control-Allow-Credentials": "'true'" },
        })
        .build(),
    },
    { name: "'*' without credentials", model: withGet({ "Access-Control-Allow-Origin": "'*'" }) },
    {
      name: "an echoed origin on an uncached method",
      model: withGet({ "Access-Control-Allow-Origin": "method.request.header.Origin", "Access-Control-Allow-Credentials": "'true'" }),
    },
    {
      name: "an echoed origin cached with Origin in the cache key",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("GET", (m) =>
              m
                .integrationType("HTTP", "https://b.example.com")
                .cacheKey("method.request.header.Origin")
                .response("200", { "Access-Control-Allow-Origin": "method.request.header.Origin" }),
            )
            .cors(),
        )
        .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true }))
        .build(),
    },
    {
      name: "a Lambda proxy's integration responses are unused",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("GET", (m) => m.response("200", { "Access-Control-Allow-Origin": "'*'", "Access-Control-Allow-Credentials": "'true'" }))
            .cors(),
        )
        .stage("prod")
        .build(),
    },
  ],
  invalid: [
    {
      name: "actual response '*' with credentials true",
      model: base()
        .resource("/cart", (r) =>
          r.method("PUT", (m) =>
            m
              .integrationType("HTTP", "https://backend.example.com/cart")
              .response("200", { "Access-Control-Allow-Origin": "'*'", "Access-Control-Allow-Credentials": "'true'" }),
          ),
        )
        .build(),
      findings: [
        {
          messageId: "wildcardCredentials",
          severity: "high",
          target: { path: "/cart", httpMethod: "PUT" },
          messageIncludes: ["PUT /cart (200 response)"],
          fixKinds: ["add-method-response-cors-origin", "redeploy-stage"],
        },
      ],
    },
    {
      name: "gateway response '*' with credentials true",
      model: base()
        .gatewayResponse("UNAUTHORIZED", {
          statusCode: "401",
          headers: { "Access-Control-Allow-Origin": "'*'", "Access-Control-Allow-Credentials": "'true'" },
        })
        .build(),
      findings: [{ messageId: "wildcardCredentials", target: { responseType: "UNAUTHORIZED" }, fixKinds: ["add-gateway-response-cors"] }],
    },
    {
      name: "several origins as a comma list on the preflight",
      model: api()
        .resource("/orders", (r) => r.method("PUT").cors({ allowOrigin: "https://a.example.com,https://b.example.com" }))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "originList",
          target: { path: "/orders", httpMethod: "OPTIONS" },
          messageIncludes: ["'https://a.example.com,https://b.example.com'"],
          fixKinds: ["set-preflight-headers"],
        },
      ],
    },
    {
      name: "echoed origin on a cached GET without Origin in the cache key",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("GET", (m) =>
              m
                .integrationType("HTTP", "https://b.example.com")
                .response("200", { "Access-Control-Allow-Origin": "method.request.header.Origin" }),
            )
            .cors(),
        )
        .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true }))
        .build(),
      findings: [
        {
          messageId: "echoCached",
          severity: "medium",
          target: { stage: "prod", path: "/orders", httpMethod: "GET" },
          fixKinds: ["add-cache-key-parameter"],
        },
      ],
    },
    {
      name: "origin echoed by the 200 mapping template ($context.responseOverride) on a cached GET without Origin in the cache key",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("GET", (m) =>
              m
                .integrationType("HTTP", "https://b.example.com")
                .response("200")
                .responseTemplate(
                  "200",
                  "#set($context.responseOverride.header.Access-Control-Allow-Origin = $input.params('origin'))\n$input.body",
                ),
            )
            .cors(),
        )
        .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true }))
        .build(),
      findings: [{ messageId: "echoCached", target: { stage: "prod", path: "/orders", httpMethod: "GET" } }],
    },
  ],
};
