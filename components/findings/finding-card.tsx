import type { Finding } from "@/lib/rules/types";
import type { FindingDetail } from "@/lib/report/audit-page-detail";
import { describeIntent } from "@/components/remediation/describe-intent";
import { RemediationTabs } from "@/components/remediation/remediation-tabs";
import { Callout } from "@/components/ui/callout";
import { SeverityBadge } from "./severity-badge";
import { panelClass } from "@/components/ui/panel";
import { SourceLocation } from "./source-location";

function evidenceValue(value: Finding["evidence"][string]): string {
  if (value === null) return "(unset)";
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "(none)";
  return String(value);
}

/** Where a finding points, in words; authorizer ids are shown by name when the caller knows it. */
export function findingTargetLabel(finding: Pick<Finding, "target">, authorizerNames: Record<string, string> = {}): string {
  const { path, httpMethod, authorizerId, responseType, stage } = finding.target;
  if (path && httpMethod) return `${httpMethod} ${path}`;
  if (path) return path;
  if (responseType) return `gateway response ${responseType}`;
  if (authorizerId) return `authorizer ${authorizerNames[authorizerId] ?? authorizerId}`;
  if (stage) return `stage ${stage}`;
  return "API";
}

/** A whole finding as the detail route sends it (lib/report/audit-page-detail.ts): fixes rendered on the server. */
export function FindingCard({ detail }: { detail: FindingDetail }) {
  const { finding, meta, remediation } = detail;
  const snippets = remediation?.snippets;
  const snippetError = remediation?.error;
  const evidence = Object.entries(finding.evidence);
  return (
    <article
      data-testid="finding-card"
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      className={panelClass("space-y-2 p-3 text-sm")}
    >
      <header className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <h4 className="font-semibold">{meta?.title ?? finding.ruleId}</h4>
        <code className="text-[11px] text-zinc-500 dark:text-zinc-400">{finding.ruleId}</code>
      </header>
      <p>{finding.message}</p>
      {detail.location ? <SourceLocation location={detail.location} /> : null}
      <p className="text-zinc-600 italic dark:text-zinc-400">{finding.symptom}</p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Confidence {finding.confidence} ·{" "}
        {finding.draftOnly
          ? "only in the draft configuration (not deployed yet)"
          : finding.stages.length > 0
            ? `stages: ${finding.stages.join(", ")}`
            : "no deployed stage"}
      </p>
      {meta ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-900">
          <dt className="font-medium text-zinc-500 dark:text-zinc-400">Browser sends</dt>
          <dd>{meta.browserSends}</dd>
          <dt className="font-medium text-zinc-500 dark:text-zinc-400">Gateway answers</dt>
          <dd>{meta.gatewayAnswers}</dd>
          <dt className="font-medium text-zinc-500 dark:text-zinc-400">Why</dt>
          <dd>{meta.why}</dd>
        </dl>
      ) : null}
      {evidence.length > 0 ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Evidence ({evidence.length})</summary>
          <table className="mt-1 w-full">
            <tbody>
              {evidence.map(([key, value]) => (
                <tr key={key} className="border-t border-zinc-100 dark:border-zinc-900">
                  <th scope="row" className="py-0.5 pr-2 text-left font-mono font-normal text-zinc-500 dark:text-zinc-400">
                    {key}
                  </th>
                  <td className="py-0.5 font-mono break-all">{evidenceValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {finding.fixes.length > 0 ? (
        <section className="space-y-2" aria-label="Remediation">
          <h5 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Fix</h5>
          <ol className="list-decimal space-y-1 pl-5 text-[13px]" data-testid="fix-steps">
            {finding.fixes.map((fix, index) => (
              <li key={index}>{describeIntent(fix)}</li>
            ))}
          </ol>
          {snippets && snippets.length > 0 ? <RemediationTabs snippets={snippets} /> : null}
          {snippetError ? (
            <Callout tone="error" title="Fix snippets unavailable">
              {snippetError}
            </Callout>
          ) : null}
        </section>
      ) : null}
      {meta && meta.docs.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 text-xs">
          {meta.docs.map((doc) => (
            <li key={doc.url}>
              <a href={doc.url} target="_blank" rel="noreferrer" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
                {doc.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
