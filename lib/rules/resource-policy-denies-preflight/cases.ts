import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { withApi } from "@/lib/rules/testing/model-tweaks";

const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allowAnyone = { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };
const withPolicy = (text: string | undefined) =>
  withApi(
    api()
      .resource("/orders", (r) => r.method("PUT", (m) => m.auth("AWS_IAM")).cors())
      .stage("prod")
      .build(),
    text === undefined ? {} : { policy: text },
  );

export const cases: RuleCases = {
  valid: [
    { name: "no resource policy", model: withPolicy(undefined) },
    { name: "Allow * for everyone", model: withPolicy(policy(allowAnyone)) },
    {
      name: "account-only Allow plus the anonymous OPTIONS Allow Preflight generates",
      model: withPolicy(
        policy(
          { ...allowAnyone, Principal: { AWS: "arn:aws:iam::123456789012:root" } },
          { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*/OPTIONS/*" },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "an Allow for the account's IAM principals only (SigV4 callers): the unsigned preflight is anonymous",
      model: withPolicy(policy({ ...allowAnyone, Principal: { AWS: "arn:aws:iam::123456789012:root" } })),
      findings: [
        {
          messageId: "implicitDeny",
          severity: "high",
          target: { path: "/orders", httpMethod: "OPTIONS" },
          stages: ["prod"],
          messageIncludes: [
            "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/OPTIONS/orders",
          ],
          fixKinds: ["set-rest-api-policy", "redeploy-stage"],
        },
      ],
    },
    {
      name: "an explicit Deny of OPTIONS",
      model: withPolicy(
        policy(allowAnyone, {
          Sid: "NoOptions",
          Effect: "Deny",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*/OPTIONS/*",
        }),
      ),
      findings: [{ messageId: "explicitDeny", messageIncludes: ['"NoOptions"', "with an explicit deny"] }],
    },
    {
      name: "an Allow limited to an IP range: not evaluated (info)",
      model: withPolicy(policy({ ...allowAnyone, Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })),
      findings: [{ messageId: "notEvaluated", severity: "info", messageIncludes: ["source IP"] }],
    },
  ],
};
