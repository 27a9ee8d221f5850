import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { RULES } from "@/lib/rules";
import type { RuleCategory } from "@/lib/rules/types";
import { panelClass } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Rules" };

const CATEGORY_LABELS: Record<RuleCategory, string> = {
  preflight: "Preflight OPTIONS",
  "authorizer-cache": "Authorizer cache",
  "error-responses": "Error responses",
  "stage-cache": "Stage cache",
  deployment: "Deployment",
  exposure: "Exposure",
};

/** Every rule Preflight runs, from the registry's metadata: what the browser sends, what API Gateway answers, why. */
export default function RulesPage() {
  const categories = Object.keys(CATEGORY_LABELS) as RuleCategory[];
  return (
    <div className="space-y-6" data-testid="rules-page">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Rules</h1>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          {RULES.length} checks over the API&apos;s resources, authorizers, stages and gateway responses. Each names what the browser sends,
          what API Gateway answers, and the AWS documentation behind it.
        </p>
      </header>
      {categories.map((category) => {
        const rules = RULES.filter((rule) => rule.meta.category === category);
        if (rules.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`category-${category}`} className="space-y-2">
            <h2 id={`category-${category}`} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
              {CATEGORY_LABELS[category]}
            </h2>
            <ul className={panelClass("divide-y divide-zinc-200 dark:divide-zinc-800")}>
              {rules.map(({ meta }) => (
                <li
                  key={meta.id}
                  data-testid="rule-row"
                  data-rule-id={meta.id}
                  className="grid gap-1 px-3 py-2 sm:grid-cols-[16rem_1fr] sm:gap-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={meta.severity} />
                    <Link href={`/rules/${meta.id}`} className="font-mono text-[13px] text-blue-700 hover:underline dark:text-blue-400">
                      {meta.id}
                    </Link>
                  </div>
                  <div className="min-w-0 space-y-0.5 text-sm">
                    <p className="font-medium">{meta.title}</p>
                    <p className="text-[13px] text-zinc-600 dark:text-zinc-400">{meta.gatewayAnswers}</p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
