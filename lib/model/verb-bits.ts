import { HTTP_VERBS } from "@/lib/model/types";

/**
 * One bit per verb of HTTP_VERBS: a set of verbs as one number (which verbs a path lists, which a resource declares)
 * instead of a Set or an array per path, where the core handles every method of a 10,000-method API (issue 16).
 * Undefined for a verb outside HTTP_VERBS, which the normaliser drops; callers handle it the slow way.
 */
const VERB_BITS = new Map<string, number>(HTTP_VERBS.map((verb, index) => [verb, 1 << index]));

export function verbBit(verb: string): number | undefined {
  return VERB_BITS.get(verb);
}
