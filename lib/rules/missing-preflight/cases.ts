import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";

export const cases: RuleCases = {
  valid: [
    {
      name: "every preflighted resource has OPTIONS",
      model: api()
        .resource("/cart", (r) => r.method("PUT").method("DELETE").cors())
        .stage("prod")
        .build(),
    },
    {
      name: "only simple GETs without credentials need no preflight",
      model: api()
        .resource("/products", (r) => r.method("GET"))
        .resource("/cart", (r) => r.method("PUT").cors())
        .stage("prod")
        .build(),
    },
    {
      name: "ANY answers the preflight (another rule judges it)",
      model: api()
        .resource("/admin/{proxy+}", (r) => r.method("ANY"))
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
    },
    {
      name: "the preflight falls through to a greedy ancestor's ANY (pair resolution; another rule judges the ANY)",
      model: api()
        .resource("/{proxy+}", (r) => r.method("ANY"))
        .resource("/orders/{id}", (r) => r.method("PUT"))
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
    },
    {
      name: "the preflight falls through to a {param} sibling's OPTIONS",
      model: api()
        .resource("/users/{userId}", (r) => r.method("GET").cors())
        .resource("/users/me", (r) => r.method("PATCH"))
        .stage("prod")
        .build(),
    },
    {
      name: "sam api_with_auth_all_maximum: no sign the API serves browsers",
      model: samApiWithAuthAllMaximum(),
    },
    {
      name: "a POST whose request models are form and text types only is a simple request (form posts are not preflighted)",
      model: api()
        .resource("/contact", (r) =>
          r.method("POST", (m) =>
            m.requestModel("application/x-www-form-urlencoded").requestModel("multipart/form-data").requestModel("text/plain"),
          ),
        )
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
    },
  ],
  invalid: [
    {
      name: "a POST without request models is preflighted when the client sends JSON, as single-page apps do, and the finding says so",
      model: api()
        .resource("/orders", (r) => r.method("POST"))
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
      findings: [{ messageId: "missing", target: { path: "/orders" }, messageIncludes: ["has POST but no OPTIONS"] }],
    },
    {
      name: "a POST with a JSON request model is preflighted",
      model: api()
        .resource("/orders", (r) =>
          r.method("POST", (m) => m.requestModel("application/x-www-form-urlencoded").requestModel("application/json")),
        )
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
      findings: [{ messageId: "missing", target: { path: "/orders" } }],
    },
    {
      name: "a greedy ancestor without OPTIONS or ANY does not answer the preflight",
      model: api()
        .resource("/{proxy+}", (r) => r.method("GET"))
        .resource("/orders/{id}", (r) => r.method("PUT"))
        .resource("/cart", (r) => r.cors())
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "missing",
          target: { path: "/orders/{id}" },
          stages: ["prod"],
          messageIncludes: ["no {param} sibling or greedy ancestor answers OPTIONS"],
        },
      ],
    },
    {
      name: "PUT and DELETE without OPTIONS on an API that serves browsers",
      model: api()
        .resource("/cart", (r) => r.method("PUT").method("DELETE"))
        .resource("/products", (r) => r.method("GET").cors())
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "missing",
          target: { path: "/cart", resourceId: "cart" },
          stages: ["prod"],
          messageIncludes: ["PUT and DELETE", 'Missing Authentication Token"}'],
          fixKinds: ["add-cors-preflight", "redeploy-stage"],
        },
      ],
    },
    {
      name: "a GET that needs the Authorization header is preflighted too; the gateway response reveals browser use",
      model: api()
        .authorizer("jwt", { type: "TOKEN" })
        .resource("/me", (r) => r.method("GET", (m) => m.authorizer("jwt")))
        .gatewayResponse("DEFAULT_4XX", { headers: { "Access-Control-Allow-Origin": "'https://shop.example.com'" } })
        .stage("prod")
        .build(),
      findings: [{ messageId: "missing", target: { path: "/me" }, messageIncludes: ["GET"] }],
    },
  ],
};
