"use client";

import { SEVERITIES, type Severity } from "@/lib/rules/types";
import { cx } from "@/components/ui/cx";
import { SEVERITY_STYLES } from "./severity";
import type { FindingsFilter } from "./findings-filter";

export interface RuleOption {
  id: string;
  title: string;
  count: number;
}

export function FindingsFilters({
  filter,
  counts,
  rules,
  onChange,
}: {
  filter: FindingsFilter;
  /** Counts before filtering, shown on the severity toggles. */
  counts: Record<Severity, number>;
  rules: RuleOption[];
  onChange: (filter: FindingsFilter) => void;
}) {
  function toggle(severity: Severity) {
    const severities = filter.severities.includes(severity)
      ? filter.severities.filter((item) => item !== severity)
      : [...filter.severities, severity];
    onChange({ ...filter, severities: SEVERITIES.filter((item) => severities.includes(item)) });
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="findings-filters">
      <div role="group" aria-label="Severity" className="flex flex-wrap gap-1">
        {SEVERITIES.map((severity) => {
          const pressed = filter.severities.includes(severity);
          const style = SEVERITY_STYLES[severity];
          return (
            <button
              key={severity}
              type="button"
              aria-pressed={pressed}
              // Nothing to show at this severity: not offered (unless a link already selected it).
              disabled={counts[severity] === 0 && !pressed}
              data-testid={`severity-filter-${severity}`}
              onClick={() => toggle(severity)}
              className={cx(
                "inline-flex items-center gap-1 rounded-full border px-2 py-0.5",
                pressed
                  ? cx(style.badge, "border-transparent")
                  : "border-zinc-300 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900",
                "disabled:cursor-not-allowed disabled:border-dashed disabled:opacity-60",
              )}
            >
              <span aria-hidden>{style.glyph}</span>
              {style.label}
              <span className="tabular-nums">{counts[severity]}</span>
            </button>
          );
        })}
      </div>
      <label className="flex items-center gap-1">
        <span className="text-zinc-500 dark:text-zinc-400">Rule</span>
        <select
          data-testid="rule-filter"
          value={filter.rules[0] ?? ""}
          onChange={(event) => onChange({ ...filter, rules: event.target.value ? [event.target.value] : [] })}
          className="max-w-56 rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">All rules</option>
          {rules.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.title} ({rule.count})
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className="text-zinc-500 dark:text-zinc-400">Path</span>
        <input
          type="search"
          data-testid="path-filter"
          value={filter.path}
          placeholder="/orders"
          onChange={(event) => onChange({ ...filter, path: event.target.value })}
          className="w-40 rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
    </div>
  );
}
