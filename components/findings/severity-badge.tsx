import type { Severity } from "@/lib/rules/types";
import { SEVERITIES } from "@/lib/rules/types";
import { cx } from "@/components/ui/cx";
import { SEVERITY_STYLES } from "./severity";

export function SeverityGlyph({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <span aria-hidden className={cx(SEVERITY_STYLES[severity].text, className)}>
      {SEVERITY_STYLES[severity].glyph}
    </span>
  );
}

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const style = SEVERITY_STYLES[severity];
  return (
    <span
      data-testid="severity-badge"
      data-severity={severity}
      className={cx("inline-flex items-center gap-1 rounded px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide", style.badge)}
    >
      <span aria-hidden>{style.glyph}</span>
      {style.label}
      {count !== undefined ? <span className="tabular-nums">{count}</span> : null}
    </span>
  );
}

/** Counts per severity, zeros dimmed; "No findings" when all are zero. */
export function SeverityCounts({ counts, testId = "severity-counts" }: { counts: Record<Severity, number>; testId?: string }) {
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  if (total === 0) {
    return (
      <span data-testid={testId} data-total={0} className="text-xs text-emerald-700 dark:text-emerald-400">
        ✓ No findings
      </span>
    );
  }
  return (
    <span data-testid={testId} data-total={total} className="inline-flex flex-wrap gap-1">
      {SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
        <SeverityBadge key={severity} severity={severity} count={counts[severity]} />
      ))}
    </span>
  );
}
