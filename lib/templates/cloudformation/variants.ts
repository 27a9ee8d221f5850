/**
 * Enumerates the condition assignments that matter. CloudFormation decides conditions at deploy time from the
 * parameters it is given, so a template is audited under every assignment of the conditions its API actually
 * meets: evaluate once with nothing assumed, and wherever an unassigned condition was met, evaluate again with it
 * true and with it false. Conditions only met inside another condition's branch are explored only there, so the
 * variants are exactly the distinct paths through the API's `Fn::If`s and resource `Condition`s.
 *
 * Each condition is a free boolean: two conditions defined from the same parameter (IsProd and IsNotProd) may be
 * assumed in a combination CloudFormation would never produce. That over-approximates (a finding may come from an
 * impossible variant, and each variant names its assumptions) but never misses a deployable one.
 */

/** Beyond this many variants the remaining conditions are not split further (a gap says which). */
export const MAX_VARIANTS = 8;

export interface VariantEvaluation<T> {
  result: T;
  /** Conditions met that the assumptions did not fix (each was provisionally taken as true). */
  unassigned: readonly string[];
}

export interface ExploredVariant<T> {
  /** Every condition this variant depends on and the value assumed. */
  assumptions: Record<string, boolean>;
  result: T;
}

export interface VariantExploration<T> {
  variants: ExploredVariant<T>[];
  /** Conditions that were not explored both ways because of the limit (assumed true where met). */
  unexplored: string[];
}

export function exploreVariants<T>(
  evaluate: (assumptions: Readonly<Record<string, boolean>>) => VariantEvaluation<T>,
  limit: number = MAX_VARIANTS,
): VariantExploration<T> {
  const variants: ExploredVariant<T>[] = [];
  const unexplored = new Set<string>();
  const queue: Array<Record<string, boolean>> = [{}];
  while (queue.length > 0) {
    const assumptions = queue.shift() as Record<string, boolean>;
    const run = evaluate(assumptions);
    const next = run.unassigned[0];
    // Splitting replaces one pending variant by two: allowed while the total stays within the limit.
    if (next !== undefined && variants.length + queue.length + 2 <= limit) {
      queue.push({ ...assumptions, [next]: true }, { ...assumptions, [next]: false });
      continue;
    }
    const settled = { ...assumptions };
    for (const name of run.unassigned) {
      // defineProperty: a condition named "__proto__" stays an own key.
      Object.defineProperty(settled, name, { value: true, enumerable: true, writable: true, configurable: true });
      unexplored.add(name);
    }
    variants.push({ assumptions: settled, result: run.result });
  }
  return { variants, unexplored: [...unexplored] };
}
