"use client";

import { cx } from "@/components/ui/cx";
import type { ProbeOutcome } from "@/lib/probe/types";
import { useProbe } from "./probe-context";

const STYLE: Record<ProbeOutcome, { glyph: string; className: string; label: string }> = {
  matches: { glyph: "✓", className: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200", label: "as predicted" },
  differs: { glyph: "≠", className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200", label: "differs from the prediction" },
  intermittent: { glyph: "↯", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200", label: "intermittent" },
  unpredicted: { glyph: "?", className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200", label: "not predictable" },
  "no-answer": { glyph: "∅", className: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200", label: "no answer" },
};

/** The probe's observed answer beside Preflight's prediction, in the corner of a matrix cell; nothing when the cell was not probed. */
export function ProbeCellMark({ cellKey }: { cellKey: string }) {
  const summary = useProbe().cells.get(cellKey);
  if (!summary) return null;
  const style = STYLE[summary.outcome];
  return (
    <span
      data-testid="probe-mark"
      data-outcome={summary.outcome}
      data-observed={summary.observed}
      data-predicted={summary.predicted}
      title={`Live probe, ${style.label}:\n${summary.lines.join("\n")}`}
      className={cx(
        "pointer-events-auto absolute right-0.5 bottom-0.5 rounded px-1 font-mono text-[9px] leading-3.5 tabular-nums",
        style.className,
      )}
    >
      <span aria-hidden>{style.glyph} </span>
      obs {summary.observed} · pred {summary.predicted}
    </span>
  );
}
