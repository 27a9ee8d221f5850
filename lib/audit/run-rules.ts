import type { ApiModel } from "@/lib/model/types";
import { RULES } from "@/lib/rules";
import { renderFinding } from "@/lib/rules/finding";
import { messageRun } from "@/lib/rules/support/render-message";
import { SEVERITIES, type Finding, type FindingTarget, type Rule, type Severity } from "@/lib/rules/types";
import type { NotEvaluatedRule } from "./types";
import { compareKeys, compareTargets, FIELD_ORDER_AVAILABLE, plainTarget, targetKey } from "./target-order";

// Kept here too: tests and callers import the key from the runner.
export { targetKey } from "./target-order";

export interface RuleRun {
  findings: Finding[];
  notEvaluated: NotEvaluatedRule[];
}

/**
 * Runs every rule over the model. A rule needing a part the reader could not read is reported as
 * not evaluated, never as passing. Findings come sorted by severity, then rule order, then target.
 */
export function runRules(model: ApiModel, rules: readonly Rule[] = RULES): RuleRun {
  const missing = new Set(model.missing.map((m) => m.part));
  const findings: Finding[] = [];
  const runs: number[] = [];
  const notEvaluated: NotEvaluatedRule[] = [];
  const messages = messageRun();
  for (let order = 0; order < rules.length; order++) {
    const rule = rules[order] as Rule;
    const absent = rule.meta.requires.filter((part) => missing.has(part));
    if (absent.length > 0) {
      notEvaluated.push({ ruleId: rule.meta.id, missing: absent });
      continue;
    }
    // A plain loop, one finding per draft: 13,000 findings make any per-finding wrapper count. Most findings keep their
    // rule's severity, whose rank is looked up once, and extend the rule's one run.
    const ruleRank = rankOf(rule.meta.severity, order);
    for (const draft of rule.check({ model })) {
      const finding = renderFinding(rule.meta, draft, messages);
      addToRuns(runs, finding.severity === rule.meta.severity ? ruleRank : rankOf(finding.severity, order), findings.length);
      findings.push(finding);
    }
  }
  return { findings: inOrder(findings, runs), notEvaluated };
}

/** The order runRules reports in, for findings merged from several runs (stage runs, template condition variants). */
export function sortFindings(findings: readonly Finding[], rules: readonly Rule[] = RULES): Finding[] {
  const order = new Map<string, number>();
  for (let index = 0; index < rules.length; index++) order.set((rules[index] as Rule).meta.id, index);
  const runs: number[] = [];
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index] as Finding;
    addToRuns(runs, rankOf(finding.severity, order.get(finding.ruleId) ?? rules.length), index);
  }
  return inOrder(findings, runs);
}

/**
 * Findings' ranks as runs: consecutive findings of one rank are one run, three numbers in `runs` (rank, first index,
 * index after the last), so a rule's findings are usually one run, not a number each. `index` is the next finding's.
 */
function addToRuns(runs: number[], rank: number, index: number): void {
  const last = runs.length - 3;
  if (last >= 0 && runs[last] === rank && runs[last + 2] === index) runs[last + 2] = index + 1;
  else runs.push(rank, index, index + 1);
}

// Severity first, then the rule's place in the registry: one number, so most comparisons never reach the target.
// A registry of fewer than 2^16 rules keeps the two apart; an unknown severity (indexOf -1) sorts first, as before.
const RULE_SLOTS = 0x10000;

function rankOf(severity: Severity, order: number): number {
  return SEVERITIES.indexOf(severity) * RULE_SLOTS + order;
}

/**
 * The findings stably sorted by rank, then by target, without one comparison sort over them all: ranks are few
 * (severities times rules), so the runs of findings (addToRuns) are put in rank order, their order breaking ties (a
 * stable sort of a few dozen runs), the runs of one rank make that rank's group, in the findings' order, and each group
 * is put in target order (byTarget). 13,000 findings were 60,000 comparator calls from Array.prototype.sort.
 */
function inOrder(findings: readonly Finding[], runs: readonly number[]): Finding[] {
  const byRank: number[] = [];
  for (let run = 0; run < runs.length; run += 3) byRank.push(run);
  byRank.sort((a, b) => (runs[a] as number) - (runs[b] as number) || a - b);
  // Lists of known length are made at that length, here and below: grown by push, the lists of a 13,000-finding sort
  // were about 1.6 MB of garbage an audit (issue 16), and this one is the report's.
  const sorted = new Array<Finding>(findings.length);
  let at = 0;
  for (let first = 0; first < byRank.length;) {
    const rank = runs[byRank[first] as number] as number;
    let end = first;
    let size = 0;
    for (; end < byRank.length && runs[byRank[end] as number] === rank; end++) {
      const run = byRank[end] as number;
      size += (runs[run + 2] as number) - (runs[run + 1] as number);
    }
    const group = new Array<number>(size);
    let next = 0;
    for (let run = first; run < end; run++) {
      const start = byRank[run] as number;
      for (let index = runs[start + 1] as number; index < (runs[start + 2] as number); index++) group[next++] = index;
    }
    const ordered = group.length > 1 ? byTarget(findings, group) : group;
    for (let i = 0; i < ordered.length; i++) sorted[at++] = findings[ordered[i] as number] as Finding;
    first = end;
  }
  return sorted;
}

/**
 * A group's indexes stably sorted by their findings' targets: by compareTargets (target-order.ts), which walks the
 * targets' fields, where it answers for every target of the group; else by the joined keys through the collator.
 */
function byTarget(findings: readonly Finding[], group: readonly number[]): readonly number[] {
  const targets = new Array<FindingTarget>(group.length);
  let plain = FIELD_ORDER_AVAILABLE;
  for (let i = 0; i < group.length; i++) {
    const target = (findings[group[i] as number] as Finding).target;
    targets[i] = target;
    if (plain && !plainTarget(target)) plain = false;
  }
  if (plain) return stablyOrdered(group, targets, compareTargets);
  const keys = new Array<string>(group.length);
  for (let i = 0; i < group.length; i++) keys[i] = targetKey(findings[group[i] as number] as Finding);
  return stablyOrdered(group, keys, compareKeys);
}

/**
 * The group's indexes stably sorted by `compare` of their sort values (`values[i]` for `group[i]`). A rule reports in
 * the model's resource order, nearly the target order: a resource sorts before its children by path but after them by
 * key ("|/a|" > "|/a/b|", as the collator orders "|" after "/"). So, walking back from the end, the findings whose
 * value is no greater than every value after them stay where they are (in order when read forwards); only the others
 * are sorted, then merged in. For ordered input that is one comparison per finding; for the generated API about two;
 * for any input, a stable sort.
 */
function stablyOrdered<T>(group: readonly number[], values: readonly T[], compare: (a: T, b: T) => number): readonly number[] {
  const last = values.length - 1;
  // The kept positions fill `kept` from its end, so kept[k…] is in order when read forwards.
  const kept = new Array<number>(values.length);
  let k = last;
  kept[k] = last;
  const aside: number[] = [];
  let least = values[last] as T;
  for (let i = last - 1; i >= 0; i--) {
    const value = values[i] as T;
    if (compare(value, least) <= 0) {
      kept[--k] = i;
      least = value;
    } else aside.push(i);
  }
  if (aside.length === 0) return group;
  aside.reverse();
  // Array.prototype.sort is stable (ECMA-262 §23.1.3.30): equal targets keep their order.
  aside.sort((a, b) => compare(values[a] as T, values[b] as T));
  // Merge by (value, position): the one stable order of the two lists.
  const merged = new Array<number>(group.length);
  let at = 0;
  let a = 0;
  while (k < kept.length && a < aside.length) {
    const fromKept = kept[k] as number;
    const fromAside = aside[a] as number;
    const order = compare(values[fromKept] as T, values[fromAside] as T) || fromKept - fromAside;
    if (order < 0) {
      merged[at++] = group[fromKept] as number;
      k++;
    } else {
      merged[at++] = group[fromAside] as number;
      a++;
    }
  }
  while (k < kept.length) merged[at++] = group[kept[k++] as number] as number;
  while (a < aside.length) merged[at++] = group[aside[a++] as number] as number;
  return merged;
}
