import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { compareWithTemplate } from "@/lib/model/template-drift";
import type { ApiModel } from "@/lib/model/types";

const LABEL = { template: "stack shop (original template)", logicalId: "ShopApi" };
const compared = (live: ApiModel, template: ApiModel): ApiModel => ({ ...live, templateDrift: compareWithTemplate(live, template, LABEL) });

const shop = () =>
  api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors());

export const cases: RuleCases = {
  valid: [
    { name: "no template compared (a plain live audit)", model: shop().build() },
    { name: "the live API is what its template says", model: compared(shop().build(), shop().build()) },
  ],
  invalid: [
    {
      name: "console changes: the preflight put behind the authorizer, a method added, the API key dropped",
      model: compared(
        api()
          .authorizer("jwt", { type: "TOKEN" })
          .resource("/orders", (r) => r.method("GET", (m) => m.authorizer("jwt")).method("OPTIONS", (m) => m.authorizer("jwt")))
          .resource("/cart", (r) => r.method("PUT").cors())
          .build(),
        api()
          .authorizer("jwt", { type: "TOKEN" })
          .resource("/orders", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors())
          .resource("/cart", (r) => r.method("PUT", (m) => m.apiKey()).cors())
          .build(),
      ),
      findings: [
        {
          messageId: "apiKeyRequired",
          target: { path: "/cart", httpMethod: "PUT" },
          messageIncludes: ["apiKeyRequired false on the live API and true in stack shop (original template) (ShopApi)"],
        },
        { messageId: "authorizationType", target: { path: "/orders", httpMethod: "OPTIONS" }, messageIncludes: ["CUSTOM", "NONE"] },
        { messageId: "preflightIntegration", target: { path: "/orders", httpMethod: "OPTIONS" } },
        { messageId: "preflightIntegration", target: { path: "/orders", httpMethod: "OPTIONS" } },
        { messageId: "preflightIntegration", target: { path: "/orders", httpMethod: "OPTIONS" } },
        { messageId: "preflightIntegration", target: { path: "/orders", httpMethod: "OPTIONS" } },
      ],
    },
    {
      name: "methods only on one side; an authorizer removed in the console is high",
      model: compared(
        api()
          .resource("/orders", (r) => r.method("GET").method("DELETE"))
          .build(),
        api()
          .authorizer("jwt", { type: "TOKEN" })
          .resource("/orders", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors())
          .build(),
      ),
      findings: [
        { messageId: "authorizationType", severity: "high", target: { path: "/orders", httpMethod: "GET" } },
        { messageId: "methodOnlyLive", target: { path: "/orders", httpMethod: "DELETE" } },
        { messageId: "methodOnlyTemplate", target: { path: "/orders", httpMethod: "OPTIONS" } },
      ],
    },
  ],
};
