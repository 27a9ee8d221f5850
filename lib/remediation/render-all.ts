import { strToU8, zipSync } from "fflate";
import type { Finding } from "@/lib/rules/types";
import type { RemediationContext } from "@/lib/remediation/context";
import { buildFindingPlan, buildPlan, type RemediationPlan } from "@/lib/remediation/plan";
import { renderAwsCli } from "@/lib/remediation/formats/aws-cli";
import { renderSdkJson } from "@/lib/remediation/formats/sdk-json";
import { renderCloudFormation } from "@/lib/remediation/formats/cloudformation";
import { renderSam } from "@/lib/remediation/formats/sam";
import { renderTerraform } from "@/lib/remediation/formats/terraform";
import { renderCdk } from "@/lib/remediation/formats/cdk";
import { renderAuthorizerNode } from "@/lib/remediation/formats/authorizer-node";
import { renderAuthorizerPython } from "@/lib/remediation/formats/authorizer-python";
import type { RemediationFormat, RenderedSnippet } from "@/lib/remediation/formats/types";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";

/** Every format's renderer; the authorizer formats render only when the plan touches authorizer code. */
const RENDERERS: Record<RemediationFormat, (plan: RemediationPlan) => RenderedSnippet | undefined> = {
  "aws-cli": renderAwsCli,
  "sdk-json": renderSdkJson,
  cloudformation: renderCloudFormation,
  sam: renderSam,
  terraform: renderTerraform,
  cdk: renderCdk,
  "authorizer-node": renderAuthorizerNode,
  "authorizer-python": renderAuthorizerPython,
};

export interface RemediationBundle {
  plan: RemediationPlan;
  snippets: RenderedSnippet[];
}

export function renderPlan(plan: RemediationPlan): RenderedSnippet[] {
  return Object.values(RENDERERS).flatMap((render) => {
    const snippet = render(plan);
    return snippet ? [snippet] : [];
  });
}

/** All formats for the whole API: intents deduped and ordered across findings. */
export function renderAll(findings: readonly Finding[], ctx: RemediationContext): RemediationBundle {
  const plan = buildPlan(findings, ctx);
  return { plan, snippets: renderPlan(plan) };
}

/** All formats for one finding (its own redeploy and flush included). */
export function renderFinding(finding: Finding, ctx: RemediationContext): RemediationBundle {
  const plan = buildFindingPlan(finding, ctx);
  return { plan, snippets: renderPlan(plan) };
}

export function renderFormat(
  format: RemediationFormat,
  findings: readonly Finding[],
  ctx: RemediationContext,
): RenderedSnippet | undefined {
  return RENDERERS[format](buildPlan(findings, ctx));
}

/** A zip of every snippet plus a README listing files and IAM actions. The shell script keeps its executable bit. */
export function bundleZip(bundle: RemediationBundle): Uint8Array {
  const { ctx } = bundle.plan;
  // A template audit's API id is a logical id or Terraform address: never a path inside the archive.
  const folder = `preflight-fix-${fileNamePart(ctx.apiId)}`;
  const readme = [
    `Preflight remediation for API Gateway REST API "${ctx.apiName}" (${ctx.apiId}) in ${ctx.region}`,
    "",
    "Pick the file for the way you manage this API; each one applies every fix below.",
    "",
    ...bundle.snippets.map(
      (snippet) => `- ${snippet.filename} (${snippet.format}): needs ${snippet.iamActions.join(", ") || "no AWS permissions"}`,
    ),
    "",
    "Findings:",
    ...bundle.plan.findings.map((finding) => `- ${finding.number}. [${finding.ruleId}, ${finding.severity}] ${finding.message}`),
    ...(bundle.plan.conflicts.length > 0 ? ["", "Conflicts:", ...bundle.plan.conflicts.map((line) => `- ${line}`)] : []),
    "",
  ].join("\n");
  const files: Record<string, [Uint8Array, { mtime: Date; os?: number; attrs?: number }]> = {};
  // A fixed date keeps the archive reproducible for the same findings.
  const mtime = new Date("2020-01-01T00:00:00Z");
  files[`${folder}/README.txt`] = [strToU8(readme), { mtime }];
  for (const snippet of bundle.snippets) {
    const executable = snippet.filename.endsWith(".sh");
    // Unix mode in the high 16 bits of the external attributes (os 3 = Unix).
    files[`${folder}/${snippet.filename}`] = [strToU8(snippet.content), { mtime, os: 3, attrs: (executable ? 0o100755 : 0o100644) << 16 }];
  }
  return zipSync(files, { level: 6 });
}
