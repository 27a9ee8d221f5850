/**
 * `answer(key)` remembered for the last two keys asked about, by identity, for one walk over the methods (a rule's
 * check, a model-wide count). Normalise gives methods that describe a part equally the same object
 * (lib/model/shared-parts.ts), and an API's resources mostly alternate few shapes (a GET's response, then its
 * preflight's), so a walk over 10,000 methods mostly asks about two records: their answers are read once each instead
 * of once per method (issue 16, `npm run bench:core`). Made per walk and dropped with it: nothing outlives an audit,
 * and there is no table to keep. `answer` must depend on the key alone, and callers only read what it returns.
 */
export function recentAnswers<K, V>(answer: (key: K) => V): (key: K) => V {
  let lastKey: K | typeof NONE = NONE;
  let lastValue: V | undefined;
  let olderKey: K | typeof NONE = NONE;
  let olderValue: V | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as V;
    if (key === olderKey) return olderValue as V;
    const value = answer(key);
    olderKey = lastKey;
    olderValue = lastValue;
    lastKey = key;
    lastValue = value;
    return value;
  };
}

// No key is this symbol, so a memo starts empty whatever the keys' type (undefined included).
const NONE: unique symbol = Symbol("none");
