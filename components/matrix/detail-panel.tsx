"use client";

import type { AuthorizerModel, DriftItem, MethodModel } from "@/lib/model/types";
import type { CellDetail, CellStageFacts } from "@/lib/report/audit-page-detail";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CloseIcon } from "@/components/ui/icons";
import { FindingCards } from "@/components/findings/finding-cards";
import { detailUrl, useDetail, useDetailSource } from "@/components/audit/use-detail";
import { authLabel, cognitoPoolIds, corsHeaderName, ttlLabel, unquote } from "./cell-labels";
import type { FindingRef, MatrixCell } from "./matrix-model";
import { panelClass } from "@/components/ui/panel";
import { ServedByLink } from "./matrix-cell";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 font-mono break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function HeaderList({ parameters, values }: { parameters: string[]; values?: Record<string, string> }) {
  if (parameters.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">no headers</span>;
  return (
    <ul className="space-y-0.5">
      {parameters.map((parameter) => {
        const cors = corsHeaderName(parameter);
        return (
          <li key={parameter} className={cors ? "text-emerald-700 dark:text-emerald-400" : undefined}>
            {cors ?? parameter.replace(/^method\.response\.header\./, "")}
            {values?.[parameter] !== undefined ? (
              <span className="text-zinc-600 dark:text-zinc-300">: {unquote(values[parameter]!)}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function driftText(item: DriftItem): string {
  switch (item.kind) {
    case "method-added":
      return "Added since the stage's deployment: clients of this stage do not have it yet.";
    case "method-removed":
      return "Removed from the configuration, but still deployed to this stage.";
    case "authorizationType":
      return `Deployed authorization ${item.deployed}, current configuration ${item.current}.`;
    case "apiKeyRequired":
      return `Deployed apiKeyRequired ${item.deployed}, current configuration ${item.current}.`;
    case "setting":
      return `Deployed ${item.setting}: ${item.deployed}; the draft has ${item.current}.`;
  }
}

function MethodConfig({ method, authorizer }: { method: MethodModel; authorizer: AuthorizerModel | undefined }) {
  const integration = method.integration;
  return (
    <>
      <Section title="Authorization">
        <Facts
          rows={[
            ["Type", method.authorizationType],
            ["Summary", authLabel(method, authorizer).long],
            ...(authorizer
              ? ([
                  ["Authorizer", `${authorizer.name} (${authorizer.type}, id ${authorizer.id})`],
                  [
                    "Identity sources",
                    authorizer.identitySources.length > 0
                      ? authorizer.identitySources.map((source) => source.expression).join(", ")
                      : "(none)",
                  ],
                  [
                    "Result cache TTL",
                    authorizer.type === "COGNITO_USER_POOLS"
                      ? "not applicable (Cognito)"
                      : `${ttlLabel(authorizer.effectiveTtlSeconds)}${authorizer.configuredTtlSeconds === undefined ? " (unset: default 300s)" : ""}`,
                  ],
                  ...(authorizer.type === "COGNITO_USER_POOLS"
                    ? ([["User pools", cognitoPoolIds(authorizer).join(", ") || "(none)"]] as [string, string][])
                    : []),
                  ...(authorizer.lambdaFunctionArn ? ([["Function", authorizer.lambdaFunctionArn]] as [string, string][]) : []),
                ] as [string, React.ReactNode][])
              : []),
            ["API key required", method.apiKeyRequired ? "yes (x-api-key)" : "no"],
            ...(method.authorizationScopes.length > 0 ? ([["Scopes", method.authorizationScopes.join(", ")]] as [string, string][]) : []),
          ]}
        />
      </Section>
      <Section title="Integration">
        {integration ? (
          <Facts
            rows={[
              ["Type", integration.type],
              ...(integration.httpMethod ? ([["Method", integration.httpMethod]] as [string, string][]) : []),
              ...(integration.uri ? ([["URI", integration.uri]] as [string, string][]) : []),
              ["Cache key", integration.cacheKeyParameters.length > 0 ? integration.cacheKeyParameters.join(", ") : "(none)"],
            ]}
          />
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">No integration configured: API Gateway answers 500 to every call.</p>
        )}
      </Section>
      <Section title="Method responses">
        {method.methodResponses.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">None</p>
        ) : (
          <table className="w-full text-xs">
            <tbody>
              {method.methodResponses.map((response) => (
                <tr key={response.statusCode} className="border-t border-zinc-100 align-top dark:border-zinc-900">
                  <th scope="row" className="w-12 py-1 text-left font-mono">
                    {response.statusCode}
                  </th>
                  <td className="py-1 font-mono">
                    <HeaderList parameters={Object.keys(response.responseParameters)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {integration ? (
        <Section title="Integration responses">
          {integration.integrationResponses.length === 0 ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              None{integration.type.endsWith("_PROXY") ? " (proxy integrations pass the backend's response through)" : ""}
            </p>
          ) : (
            <table className="w-full text-xs">
              <tbody>
                {integration.integrationResponses.map((response) => (
                  <tr key={response.statusCode} className="border-t border-zinc-100 align-top dark:border-zinc-900">
                    <th scope="row" className="w-12 py-1 text-left font-mono">
                      {response.statusCode}
                      {response.selectionPattern ? (
                        <div className="font-normal text-zinc-500 dark:text-zinc-400">/{response.selectionPattern}/</div>
                      ) : null}
                    </th>
                    <td className="py-1 font-mono">
                      <HeaderList parameters={Object.keys(response.responseParameters)} values={response.responseParameters} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      ) : null}
    </>
  );
}

function StageSettings({ detail, stage }: { detail: CellDetail; stage: CellStageFacts }) {
  const settings = detail.settings;
  return (
    <Section title={`Stage ${stage.name}`}>
      <Facts
        rows={[
          ["Deployment", stage.deploymentId || "(none)"],
          ["Cache cluster", stage.cacheClusterEnabled ? `on${stage.cacheClusterSize ? ` (${stage.cacheClusterSize} GB)` : ""}` : "off"],
          ...(settings
            ? ([
                [
                  "Caching",
                  settings.cachingEnabled
                    ? `enabled, TTL ${settings.cacheTtlInSeconds}s${stage.cacheClusterEnabled ? "" : " (no effect: no cache cluster)"}`
                    : "disabled",
                ],
                ["Encrypted", settings.cacheDataEncrypted ? "yes" : "no"],
                ["Invalidation needs auth", settings.requireAuthorizationForCacheControl ? "yes" : "no"],
                ["Unauthorized invalidation", settings.unauthorizedCacheControlHeaderStrategy],
                [
                  "Throttling",
                  settings.throttlingRateLimit !== undefined
                    ? `${settings.throttlingRateLimit} rps, burst ${settings.throttlingBurstLimit ?? "-"}`
                    : "stage default",
                ],
                [
                  "Settings from",
                  settings.source === "method"
                    ? "this method's own entry"
                    : settings.source === "stage"
                      ? "the stage-wide */* entry"
                      : "API Gateway defaults",
                ],
              ] as [string, string][])
            : ([["Settings", "not deployed to this stage"]] as [string, string][])),
        ]}
      />
      {detail.drift.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-fuchsia-800 dark:text-fuchsia-300" data-testid="drift-list">
          {detail.drift.map((item, index) => (
            <li key={index}>Δ {driftText(item)}</li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/**
 * One cell's detail: what the page knows (state, served-by, the findings index) at once, and the method's whole
 * configuration, stage settings, drift and finding cards from the server (app/_server/audit-page-detail.ts).
 */
export function DetailPanel({
  cellKey,
  cell,
  stage,
  rowFindings,
  onClose,
  onSelect,
}: {
  cellKey: string;
  cell: MatrixCell | undefined;
  /** The stage shown (a name, or the draft view), as the detail route takes it. */
  stage: string | undefined;
  rowFindings: FindingRef[];
  onClose: () => void;
  /** Selects another cell, e.g. the method that serves this one's preflight. */
  onSelect?: (key: string) => void;
}) {
  const at = cellKey.lastIndexOf(":");
  const title = `${cellKey.slice(at + 1)} ${cellKey.slice(0, at)}`;
  const findings = cell?.findings ?? [];
  const related = [...rowFindings, ...(cell?.relatedFindings ?? [])];
  const source = useDetailSource();
  const url = source ? detailUrl(source, "cell", { key: cellKey, ...(stage ? { stage } : {}) }) : undefined;
  const loaded = useDetail<CellDetail>(url);
  const detail = loaded.status === "ready" ? loaded.value : undefined;
  return (
    <aside
      aria-labelledby="detail-heading"
      data-testid="detail-panel"
      data-cell={cellKey}
      data-loaded={loaded.status}
      className={panelClass("space-y-4 bg-white p-3 dark:bg-zinc-950")}
    >
      <header className="flex items-start gap-2">
        <h2 id="detail-heading" className="min-w-0 flex-1 font-mono text-sm font-semibold break-all">
          {title}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label="Close details" className="px-1.5">
          <CloseIcon />
        </Button>
      </header>
      {loaded.status === "error" ? (
        <Callout tone="error" title="The method's configuration could not be loaded" testId="detail-error">
          {loaded.message}
        </Callout>
      ) : null}
      {cell?.method ? (
        detail?.method ? (
          <MethodConfig method={detail.method} authorizer={detail.authorizer} />
        ) : loaded.status === "loading" ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            Loading the configuration…
          </p>
        ) : null
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {cell?.deployedOnly ? (
            "This method no longer exists in the configuration, but the selected stage still serves it."
          ) : cell?.servedBy ? (
            <span data-testid="detail-served-by">
              No method here: API Gateway resolves the resource and the method as a pair, so this request is served by{" "}
              <ServedByLink servedBy={cell.servedBy} onSelect={onSelect} /> ({cell.servedBy.verb}).
            </span>
          ) : cell?.missingNeeded ? (
            "There is no method here, and the browser needs one: its preflight OPTIONS request gets no CORS answer."
          ) : (
            "No method here."
          )}
        </p>
      )}
      {cell && detail?.stage ? <StageSettings detail={detail} stage={detail.stage} /> : null}
      <Section title={`Findings (${findings.length})`}>
        {findings.length === 0 ? (
          <p className="text-xs text-emerald-700 dark:text-emerald-400" data-testid="no-cell-findings">
            ✓ No findings on this method.
          </p>
        ) : (
          <FindingCards indexes={findings.map((finding) => finding.index)} />
        )}
      </Section>
      {related.length > 0 ? (
        <Section title="Also affecting this method">
          <FindingCards indexes={related.map((finding) => finding.index)} />
        </Section>
      ) : null}
    </aside>
  );
}
