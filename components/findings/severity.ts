import { SEVERITIES, type Severity } from "@/lib/rules/types";

/** Lower rank = worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function worstSeverity(severities: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const severity of severities) {
    if (worst === undefined || severityRank(severity) < severityRank(worst)) worst = severity;
  }
  return worst;
}

export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export interface SeverityStyle {
  label: string;
  /** A distinct shape per severity, so colour is never the only signal. */
  glyph: string;
  badge: string;
  cell: string;
  text: string;
}

// Full class names (not built from parts) so Tailwind finds them when it scans the source.
export const SEVERITY_STYLES: Record<Severity, SeverityStyle> = {
  critical: {
    label: "Critical",
    glyph: "◆",
    badge: "bg-red-700 text-white dark:bg-red-400 dark:text-red-950",
    cell: "bg-red-50 ring-2 ring-inset ring-red-600 dark:bg-red-950/60 dark:ring-red-500",
    text: "text-red-700 dark:text-red-400",
  },
  high: {
    label: "High",
    glyph: "▲",
    badge: "bg-orange-700 text-white dark:bg-orange-400 dark:text-orange-950",
    cell: "bg-orange-50 ring-2 ring-inset ring-orange-500 dark:bg-orange-950/50 dark:ring-orange-400",
    text: "text-orange-700 dark:text-orange-400",
  },
  medium: {
    label: "Medium",
    glyph: "●",
    badge: "bg-amber-300 text-amber-950 dark:bg-amber-300 dark:text-amber-950",
    cell: "bg-amber-50 ring-1 ring-inset ring-amber-500 dark:bg-amber-950/40 dark:ring-amber-400",
    text: "text-amber-700 dark:text-amber-300",
  },
  low: {
    label: "Low",
    glyph: "▼",
    badge: "bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-sky-50",
    cell: "bg-sky-50 ring-1 ring-inset ring-sky-400 dark:bg-sky-950/40 dark:ring-sky-500",
    text: "text-sky-700 dark:text-sky-300",
  },
  info: {
    label: "Info",
    glyph: "○",
    badge: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
    cell: "bg-zinc-50 ring-1 ring-inset ring-zinc-400 dark:bg-zinc-900 dark:ring-zinc-500",
    text: "text-zinc-600 dark:text-zinc-400",
  },
};
