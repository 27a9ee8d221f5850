import type { FixIntent } from "@/lib/remediation/intents";

/**
 * Parts of findings that many findings hold with equal contents (the stages of a one-stage API, an evidence record
 * that depends only on the integration type, no fixes): one frozen value shared by all of them instead of a copy each.
 * A 10,000-method API reports 13,000 findings that all survive the audit, so every object not made is one the garbage
 * collector does not copy (issue 16). Nothing downstream changes a finding's parts in place (stage runs, canaries and
 * redaction build new findings: lib/audit/stage-runs.ts, lib/share/redact.ts; shared-parts.test.ts runs them over
 * deep-frozen findings). Shared lists are frozen here; shared evidence records are not: with a frozen record in its
 * findings, actual-response-without-cors's check ran about twice as slow (V8; measured in one process, old and new
 * alternated), while a frozen list costs nothing measurable to hold.
 *
 * Iterating one does: V8 inlines for-of only over arrays of the fast elements kinds, which a frozen array is not, so a
 * loop that meets frozen lists (these, stage lists, the model's shared empty lists of responses) calls the iterator
 * for each element, allocating a result object per step (about 0.3 MB per audit per rule that walked every method's
 * responses so, in the sampling heap profile). Hot loops over such lists are indexed.
 */

/** No fixes (a rule that is not fixable). */
export const NO_FIXES: FixIntent[] = Object.freeze([]) as unknown as FixIntent[];

/** The most distinct lists one interner keeps: a stage list is one of few (the API's stages, often one or none). */
const MAX_SHARED_LISTS = 16;

/**
 * An interner for the stage lists of one rule's run: it returns an equal list it already returned (frozen) when there
 * is one, else the list itself, frozen and kept. Made per check, so nothing outlives the audit (no cross-audit memo).
 */
export function stageLists(): (names: string[]) => string[] {
  const kept: string[][] = [];
  return (names) => {
    for (const list of kept) if (sameList(list, names)) return list;
    if (kept.length < MAX_SHARED_LISTS) kept.push(Object.freeze(names) as string[]);
    return names;
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  // Usually the very list: stagesWhere gives each set of stages one frozen list (deployed-stages.ts).
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
