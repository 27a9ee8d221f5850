import type { FindingTarget } from "@/lib/rules/types";

/**
 * # The order of two finding targets, without building their keys
 *
 * Findings of one rank are ordered by their target's fields joined with "|" (absent ones empty), compared by the
 * default collator: `key(a).localeCompare(key(b))`, which ECMA-402 §19.1.1 specifies as
 * `new Intl.Collator().compare`. That order is not field by field: the collator orders "|" after "/", so
 * "|/a|GET" sorts after "|/a/b|GET", and a case difference in one field counts only when no later field differs
 * in anything but case. Building a key string per finding (13,000 in the generated 10,000-method API) and handing
 * the pairs to the collator cost more than the rest of the sort (issue 16, `npm run bench:core`).
 *
 * For characters U+0020…U+007E the collator compares in three levels, as Unicode Technical Standard #10 describes
 * (https://www.unicode.org/reports/tr10/#Multi_Level_Comparison), with no character ignorable, no contraction and
 * no expansion: first the primary weights of the two strings in turn, a string that is a prefix of the other (at that
 * level) first; only when those are all equal, the tertiary weights (lower case before upper case). No printable
 * ASCII character has a secondary weight of its own. compareTargets walks the two joined keys that way, field by
 * field and "|" by "|", with each character's weights read from tables this module takes from the collator itself
 * at load (which character sorts with which, not a list copied from a version of CLDR).
 *
 * It answers only where that model is known to hold: the collator's options are the defaults and its locale is one
 * whose tailoring leaves ASCII alone (English, or the root), and every field of both targets is printable ASCII (the
 * caller checks, `plainTarget`). Anything else (a control character, which the collator ignores; an accent; a locale
 * with contractions such as "ch"): the caller compares the joined keys with the collator, as before.
 * target-order.test.ts compares the two on random targets over every printable ASCII character.
 */

/** What findings of one rank are ordered by: their target's fields joined with "|" (absent ones empty). */
export function targetKey(finding: { target: FindingTarget }): string {
  const t = finding.target;
  return `${t.stage ?? ""}|${t.path ?? ""}|${t.httpMethod ?? ""}|${t.authorizerId ?? ""}|${t.responseType ?? ""}`;
}

/** The joined keys' order by the collator, as runRules has always sorted (the reference compareTargets answers for). */
export function compareKeys(a: string, b: string): number {
  // V8 compares one-byte strings such as these keys faster through localeCompare than through a Collator object.
  return a === b ? 0 : a.localeCompare(b);
}

const FIRST = 0x20;
const LAST = 0x7e;
const BAR = 0x7c; // "|", between the fields

interface Weights {
  primary: Int32Array;
  tertiary: Int32Array;
}

// Locales whose collation of ASCII is the root's (CLDR tailors none of them for Latin letters or punctuation).
const ASCII_AS_ROOT = new Set(["en", "und", "root"]);

/**
 * Each printable ASCII character's primary and tertiary weight under the default collator, as ranks: characters the
 * collator tells apart only by case (sensitivity "base" finds them equal) share a primary rank. Undefined when the
 * collator is not one the three-level model above is known to describe.
 */
function weightsOf(): Weights | undefined {
  const collator = new Intl.Collator();
  const options = collator.resolvedOptions();
  const language = options.locale.split("-")[0] ?? "";
  if (
    !ASCII_AS_ROOT.has(language) ||
    options.usage !== "sort" ||
    options.sensitivity !== "variant" ||
    options.ignorePunctuation ||
    options.numeric ||
    (options.caseFirst !== undefined && options.caseFirst !== "false") ||
    options.collation !== "default"
  )
    return undefined;
  const chars: string[] = [];
  for (let code = FIRST; code <= LAST; code++) chars.push(String.fromCharCode(code));
  chars.sort((a, b) => a.localeCompare(b));
  const base = new Intl.Collator(options.locale, { sensitivity: "base" });
  const primary = new Int32Array(LAST + 1).fill(-1);
  const tertiary = new Int32Array(LAST + 1);
  let rank = 0;
  let tier = 0;
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    const previous = chars[index - 1];
    if (previous !== undefined && base.compare(previous, char) !== 0) {
      rank++;
      tier = 0;
    } else if (previous !== undefined && previous.localeCompare(char) !== 0) tier++;
    primary[char.charCodeAt(0)] = rank;
    tertiary[char.charCodeAt(0)] = tier;
  }
  return { primary, tertiary };
}

const WEIGHTS = weightsOf();

/** Whether compareTargets answers for this runtime's collator at all (false: always compare the keys). */
export const FIELD_ORDER_AVAILABLE = WEIGHTS !== undefined;

/** Whether every field of the target is a string of printable ASCII (or absent): what compareTargets can order. */
export function plainTarget(target: FindingTarget): boolean {
  return (
    plainField(target.stage) &&
    plainField(target.path) &&
    plainField(target.httpMethod) &&
    plainField(target.authorizerId) &&
    plainField(target.responseType)
  );
}

function plainField(value: unknown): boolean {
  // null joins as "" (`?? ""`), like undefined; anything but a string is left to the keys.
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < FIRST || code > LAST) return false;
  }
  return true;
}

const FIELDS = 5;

/** The target's field at `index` in key order, "" when absent. */
function field(target: FindingTarget, index: number): string {
  switch (index) {
    case 0:
      return target.stage ?? "";
    case 1:
      return target.path ?? "";
    case 2:
      return target.httpMethod ?? "";
    case 3:
      return target.authorizerId ?? "";
    default:
      return target.responseType ?? "";
  }
}

/**
 * compareKeys(targetKey(a), targetKey(b)) by sign, for targets plainTarget accepts, when FIELD_ORDER_AVAILABLE:
 * the joined keys are walked in step, a character at a time, without being built.
 */
export function compareTargets(a: FindingTarget, b: FindingTarget): number {
  const weights = WEIGHTS as Weights;
  // Leading fields equal on both sides add equal characters (and no case difference): start at the first that differs.
  let fieldA = 0;
  let textA = "";
  let textB = "";
  for (; fieldA < FIELDS; fieldA++) {
    textA = field(a, fieldA);
    textB = field(b, fieldA);
    if (textA !== textB) break;
  }
  if (fieldA === FIELDS) return 0;
  // Their common prefix adds equal characters too. Where both go on, the first pair that differs in more than case
  // decides (the usual case: two paths of one section); otherwise the walk below goes on from there.
  const common = Math.min(textA.length, textB.length);
  let atA = 0;
  while (atA < common && textA.charCodeAt(atA) === textB.charCodeAt(atA)) atA++;
  if (atA < common) {
    const primaryA = weights.primary[textA.charCodeAt(atA)] as number;
    const primaryB = weights.primary[textB.charCodeAt(atA)] as number;
    if (primaryA !== primaryB) return primaryA < primaryB ? -1 : 1;
  }
  let fieldB = fieldA;
  let atB = atA;
  // The first case difference, which decides only if no primary difference follows.
  let tertiary = 0;
  for (;;) {
    // The next character of each joined key: the field's, then "|" before the next field, then -1 at the end.
    let charA = -1;
    if (atA < textA.length) charA = textA.charCodeAt(atA++);
    else if (fieldA < FIELDS - 1) {
      charA = BAR;
      textA = field(a, ++fieldA);
      atA = 0;
    }
    let charB = -1;
    if (atB < textB.length) charB = textB.charCodeAt(atB++);
    else if (fieldB < FIELDS - 1) {
      charB = BAR;
      textB = field(b, ++fieldB);
      atB = 0;
    }
    if (charA === charB) {
      if (charA === -1) return tertiary;
      continue;
    }
    // A key that is a prefix of the other (at the primary level) sorts first.
    if (charA === -1) return -1;
    if (charB === -1) return 1;
    const primaryA = weights.primary[charA] as number;
    const primaryB = weights.primary[charB] as number;
    if (primaryA !== primaryB) return primaryA < primaryB ? -1 : 1;
    if (tertiary === 0) {
      const tertiaryA = weights.tertiary[charA] as number;
      const tertiaryB = weights.tertiary[charB] as number;
      if (tertiaryA !== tertiaryB) tertiary = tertiaryA < tertiaryB ? -1 : 1;
    }
  }
}
