import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";

const BACKEND = "https://backend.example.com/products";
const ORIGIN = { "Access-Control-Allow-Origin": "'*'" };

export const cases: RuleCases = {
  valid: [
    {
      name: "console Enable CORS: the MOCK GET declares and maps Access-Control-Allow-Origin",
      model: api()
        .resource("/products", (r) => r.method("GET", (m) => m.mock().response("200", ORIGIN)).cors())
        .stage("prod")
        .build(),
    },
    {
      // A leftover 200 integration response (e.g. from before a switch to proxy) is ignored by API Gateway for proxies.
      name: "trap: Lambda proxy GET with a stale 200 response lacking the header (the function returns it; the config cannot show it)",
      model: api()
        .resource("/products", (r) => r.method("GET", (m) => m.response("200")).cors())
        .stage("prod")
        .build(),
    },
    {
      name: "trap: HTTP_PROXY GET passes the backend's headers through",
      model: api()
        .resource("/products", (r) => r.method("GET", (m) => m.integrationType("HTTP_PROXY", BACKEND).response("200")).cors())
        .build(),
    },
    {
      name: "trap: an API with no sign of browser callers (no OPTIONS, no CORS header anywhere)",
      model: api()
        .resource("/internal/report", (r) => r.method("GET", (m) => m.mock().response("200")))
        .stage("prod")
        .build(),
    },
    {
      name: "trap: OPTIONS itself without the header is preflight-response-incomplete's finding",
      model: api()
        .resource("/products", (r) => r.cors({ allowOrigin: undefined }))
        .build(),
    },
    {
      name: "HTTP integration mapping the backend's own Access-Control-Allow-Origin",
      model: api()
        .resource("/products", (r) =>
          r
            .method("GET", (m) =>
              m
                .integrationType("HTTP", BACKEND)
                .response("200", { "Access-Control-Allow-Origin": "integration.response.header.Access-Control-Allow-Origin" }),
            )
            .cors(),
        )
        .build(),
    },
    {
      name: "only 2xx responses are judged: a 400 error mapping without the header is not this rule's",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("POST", (m) =>
              m
                .integrationType("AWS", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders")
                .response("200", ORIGIN)
                .response("400", {}, "4\\d{2}"),
            )
            .cors(),
        )
        .build(),
    },
    {
      name: "the 200 mapping template echoes the caller's Origin through $context.responseOverride (no mapping, no declaration needed)",
      model: api()
        .resource("/qr", (r) =>
          r
            .method("POST", (m) =>
              m
                .integrationType("AWS", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/qr")
                .response("200")
                .responseTemplate(
                  "200",
                  "#set($origin = $input.params().header.get('Origin'))\n#if($origin)\n#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end\n{}",
                ),
            )
            .cors(),
        )
        .build(),
    },
  ],
  invalid: [
    {
      name: "storefront shape: a MOCK GET next to a correct preflight maps no origin",
      model: api()
        .resource("/products", (r) => r.method("GET", (m) => m.mock().response("200")).cors())
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "missing",
          target: { path: "/products", httpMethod: "GET" },
          severity: "medium",
          stages: ["prod"],
          draftOnly: false,
          messageIncludes: ["GET /products (MOCK integration)", "neither its 200 method response nor its integration response"],
          fixKinds: ["add-method-response-cors-origin", "redeploy-stage"],
        },
      ],
    },
    {
      name: "HTTP integration maps the origin but the method response does not declare it",
      model: api()
        .resource("/products", (r) =>
          r.method("GET", (m) => m.integrationType("HTTP", BACKEND).response("200").integrationResponse("200", ORIGIN)).cors(),
        )
        .build(),
      findings: [
        { messageId: "missing", draftOnly: true, messageIncludes: ["(HTTP integration)", "does not declare it, so API Gateway drops it"] },
      ],
    },
    {
      name: "AWS integration declares the header but maps no value",
      model: api()
        .resource("/orders", (r) =>
          r
            .method("POST", (m) =>
              m
                .integrationType("AWS", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders")
                .response("200", { "Access-Control-Allow-Origin": null }),
            )
            .cors(),
        )
        .build(),
      findings: [
        {
          messageId: "missing",
          target: { path: "/orders", httpMethod: "POST" },
          messageIncludes: ["(AWS integration)", "maps no value to it"],
        },
      ],
    },
    {
      name: "a browser API (CORS on a gateway response only) with a MOCK ANY method answering 200 and 201",
      model: api()
        .resource("/admin/{proxy+}", (r) => r.method("ANY", (m) => m.mock().response("200").response("201", {}, "201")))
        .gatewayResponse("DEFAULT_4XX", { headers: ORIGIN })
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "missing",
          target: { path: "/admin/{proxy+}", httpMethod: "ANY" },
          messageIncludes: ["200 method response", "201 method response"],
        },
      ],
    },
  ],
};
