"use client";

import { checkLine } from "./probe-cells";
import { useProbe } from "./probe-context";

/** The probe's findings and every check, beside the matrix marks (which carry the same per cell). */
export function ProbeResults() {
  const { probe } = useProbe();
  if (!probe) return null;
  return (
    <section className="space-y-2 text-xs" data-testid="probe-results" aria-label="Live probe results">
      <p>
        Probed stage <span className="font-mono">{probe.stage}</span> at <span className="font-mono">{probe.target}</span> on{" "}
        {probe.startedAt}: {probe.sent} of {probe.budget.requests} requests, {probe.wallTimeMs} ms, origins {probe.origins.join(", ")}.
      </p>
      {probe.findings.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5">
          {probe.findings.map((finding, index) => (
            <li key={index} data-testid="probe-finding" data-kind={finding.kind} data-path={finding.path} data-verb={finding.verb}>
              <span className="font-semibold uppercase">{finding.severity}</span> {finding.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>No probe findings: every answer was steady and as predicted where Preflight could predict it.</p>
      )}
      <details>
        <summary className="cursor-pointer">All {probe.checks.length} checks</summary>
        <ul className="mt-1 space-y-0.5 font-mono">
          {probe.checks.map((check) => (
            <li
              key={check.id}
              data-testid="probe-check"
              data-kind={check.kind}
              data-path={check.path}
              data-verb={check.verb}
              data-outcome={check.outcome}
            >
              {check.path} {checkLine(check)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
