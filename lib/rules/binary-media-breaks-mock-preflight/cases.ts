import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { withApi, withIntegration } from "@/lib/rules/testing/model-tweaks";

const chaliceLike = () =>
  api()
    .resource("/upload", (r) => r.method("PUT").cors())
    .stage("api")
    .build();
const binary = (types: string[]) => withApi(chaliceLike(), { binaryMediaTypes: types });

export const cases: RuleCases = {
  valid: [
    { name: "no binary media types", model: chaliceLike() },
    {
      name: "binary types a preflight never matches (image/png, application/octet-stream)",
      model: binary(["image/png", "application/octet-stream"]),
    },
    {
      name: "*/* with CONVERT_TO_TEXT on the OPTIONS integration",
      model: withIntegration(binary(["*/*"]), "/upload", "OPTIONS", (i) => ({ ...i, contentHandling: "CONVERT_TO_TEXT" })),
    },
    {
      name: "*/* with CONVERT_TO_TEXT on the OPTIONS integration response (the Serverless Framework fix)",
      model: withIntegration(binary(["*/*"]), "/upload", "OPTIONS", (i) => ({
        ...i,
        integrationResponses: i.integrationResponses.map((r) => ({ ...r, contentHandling: "CONVERT_TO_TEXT" })),
      })),
    },
    {
      name: "*/* but the preflight is a Lambda proxy (the function answers it)",
      model: withApi(
        api()
          .resource("/upload", (r) => r.method("PUT").options())
          .stage("api")
          .build(),
        { binaryMediaTypes: ["*/*"] },
      ),
    },
  ],
  invalid: [
    {
      name: "Chalice / SAM: BinaryMediaTypes */* and the generated MOCK OPTIONS",
      model: binary(["image/png", "*/*"]),
      findings: [
        {
          messageId: "mockPreflight",
          severity: "high",
          target: { path: "/upload", httpMethod: "OPTIONS" },
          stages: ["api"],
          messageIncludes: ['"*/*"', '500 {"message":"Internal server error"}'],
          fixKinds: ["set-integration-content-handling", "redeploy-stage"],
        },
      ],
    },
  ],
};
