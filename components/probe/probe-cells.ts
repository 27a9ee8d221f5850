import { describePrediction, summarizeAnswers } from "@/lib/probe/classify";
import type { ProbeCheck, ProbeOutcome, ProbeReport } from "@/lib/probe/types";

/** One matrix cell's observations: a cell gathers every check whose answer it stands for (several verbs and origins for OPTIONS). */
export interface ProbeCellSummary {
  outcome: ProbeOutcome;
  /** Distinct observed statuses, e.g. "401" or "200/403"; "—" for no answer. */
  observed: string;
  /** Distinct predicted statuses; "?" where the model cannot say. */
  predicted: string;
  /** One line per check, for the cell's tooltip. */
  lines: string[];
}

// The cell shows the most telling outcome of its checks.
const RANK: Record<ProbeOutcome, number> = { intermittent: 0, differs: 1, "no-answer": 2, unpredicted: 3, matches: 4 };

function distinct(values: string[]): string {
  return [...new Set(values)].join("/");
}

export function checkLine(check: ProbeCheck): string {
  const request = check.kind === "preflight" ? `OPTIONS for ${check.verb} from ${check.origin}` : `${check.verb} (actual request)`;
  const blocked = check.answers.find((answer) => answer.browser === "blocked")?.blockedBecause;
  return `${request}: observed ${summarizeAnswers(check.answers)}${blocked ? ` (browser blocks: ${blocked})` : ""}; predicted ${describePrediction(check.prediction)} — ${check.outcome}`;
}

/** Summaries by matrix cell key ("/path:VERB", components/matrix/matrix-model.ts cellKey). */
export function probeCellSummaries(probe: ProbeReport | undefined): Map<string, ProbeCellSummary> {
  const byCell = new Map<string, ProbeCheck[]>();
  for (const check of probe?.checks ?? []) {
    const key = `${check.cell.path}:${check.cell.verb}`;
    const list = byCell.get(key) ?? [];
    list.push(check);
    byCell.set(key, list);
  }
  const summaries = new Map<string, ProbeCellSummary>();
  for (const [key, checks] of byCell) {
    const outcome = checks.map((c) => c.outcome).sort((a, b) => RANK[a] - RANK[b])[0]!;
    summaries.set(key, {
      outcome,
      observed: distinct(checks.flatMap((c) => c.answers.map((a) => (a.failure ? "—" : String(a.status))))) || "—",
      predicted: distinct(
        checks.map((c) => (c.prediction.status === undefined ? (c.prediction.mayVary ? "~" : "?") : String(c.prediction.status))),
      ),
      lines: checks.map(checkLine),
    });
  }
  return summaries;
}
