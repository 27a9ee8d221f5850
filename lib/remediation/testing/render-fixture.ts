import { createRemediationContext, type RemediationContext } from "@/lib/remediation/context";
import { buildPlan, type RemediationPlan } from "@/lib/remediation/plan";
import { allIntentFindings, storefrontModel } from "@/lib/remediation/testing/fixtures";
import type { Finding } from "@/lib/rules/types";

/** The plan over every intent kind on the storefront fixture, as most format tests need it. */
export function fixturePlan(options: { accountId?: string | null; findings?: Finding[] } = {}): {
  plan: RemediationPlan;
  ctx: RemediationContext;
  findings: Finding[];
} {
  const findings = options.findings ?? allIntentFindings();
  const ctx = createRemediationContext(storefrontModel({ accountId: options.accountId }), findings);
  return { plan: buildPlan(findings, ctx), ctx, findings };
}
