import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Callout } from "@/components/ui/callout";
import { ComparisonView } from "@/components/share/comparison-view";
import { comparePath } from "@/app/actions/paths";
import { loadComparison } from "@/app/_server/share";
import { ruleMetasFor } from "@/lib/rules/rule-metas";

interface Params {
  id: string;
  otherId: string;
}

export const metadata: Metadata = { title: "Compare audits", robots: { index: false, follow: false } };

export default async function CompareAuditsPage({ params }: { params: Promise<Params> }) {
  const { id, otherId } = await params;
  const loaded = await loadComparison(id, otherId);
  if (!loaded.ok && loaded.reason === "not-found") notFound();
  if (!loaded.ok) {
    return (
      <Callout tone="error" title="These audits cannot be compared" testId="compare-error">
        {loaded.message}
      </Callout>
    );
  }
  const { base, head, comparison } = loaded;
  const rules = ruleMetasFor([...base.snapshot.report.findings, ...head.snapshot.report.findings]);
  const authorizerNames = Object.fromEntries(
    [...base.snapshot.report.model.authorizers, ...head.snapshot.report.model.authorizers].map((authorizer) => [
      authorizer.id,
      authorizer.name,
    ]),
  );
  return (
    <ComparisonView
      comparison={comparison}
      baseId={base.id}
      headId={head.id}
      rules={rules}
      authorizerNames={authorizerNames}
      sharePath={comparePath(base.id, head.id)}
    />
  );
}
