import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HttpVerb } from "@/lib/model/types";
import type { FindingTarget } from "@/lib/rules/types";
import { compareKeys, compareTargets, FIELD_ORDER_AVAILABLE, plainTarget, targetKey } from "./target-order";

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
// Characters the collator orders unlike code units, weighted up so that most pairs share long prefixes.
const TRICKY = ["a", "A", "b", "B", "/", "|", "{", "}", "+", "-", "_", " ", "0", "1", "9", "z", "Z", "~", "$", "^"];
const text = fc.array(fc.oneof(fc.constantFrom(...PRINTABLE), fc.constantFrom(...TRICKY)), { maxLength: 6 }).map((chars) => chars.join(""));
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const plain = fc.record({
  stage: optional(fc.oneof(text, fc.constantFrom("prod", "Prod", "prod|"))),
  path: optional(
    fc.oneof(
      text.map((t) => `/${t}`),
      fc.constantFrom("/a", "/a/b", "/A", "/a|b"),
    ),
  ),
  httpMethod: optional(fc.constantFrom<HttpVerb>("GET", "OPTIONS", "ANY")),
  authorizerId: optional(fc.oneof(text, fc.constantFrom("jwt", "Jwt", "a|b"))),
  responseType: optional(fc.oneof(text, fc.constantFrom("DEFAULT_4XX", "UNAUTHORIZED"))),
});

/** A target and a second one that often shares its leading fields (or differs only in case), as sorted findings do. */
const pair = fc.tuple(plain, plain, fc.nat(5), fc.boolean()).map(([a, b, shared, upper]): [FindingTarget, FindingTarget] => {
  const fields = ["stage", "path", "httpMethod", "authorizerId", "responseType"] as const;
  const second: FindingTarget = { ...b };
  for (const name of fields.slice(0, shared)) {
    const value = a[name];
    if (value === undefined) delete second[name];
    // A case difference in a shared field: it decides only when nothing after it differs in more than case.
    else (second as Record<string, string>)[name] = upper ? value.toUpperCase() : value;
  }
  return [a, second];
});

const byKeys = (a: FindingTarget, b: FindingTarget) => Math.sign(compareKeys(targetKey({ target: a }), targetKey({ target: b })));

// The default collator's language: English or the root (what `node` reports for LANG=C) take the field walk, any
// other the keys (run-rules.test.ts holds the sort to the collator either way).
const LANGUAGE = new Intl.Collator().resolvedOptions().locale.split("-")[0] ?? "";

describe("compareTargets", () => {
  it("is available with an English or root collator (the tests below then exercise it), not with another", () => {
    expect(FIELD_ORDER_AVAILABLE).toBe(LANGUAGE === "en" || LANGUAGE === "und" || LANGUAGE === "root");
  });

  it.runIf(FIELD_ORDER_AVAILABLE)("orders any two printable-ASCII targets as the collator orders their joined keys", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(plainTarget(a) && plainTarget(b)).toBe(true);
        expect(compareTargets(a, b)).toBe(byKeys(a, b));
        expect(compareTargets(b, a)).toBe(byKeys(b, a));
      }),
      { numRuns: 20_000 },
    );
  });

  it.runIf(FIELD_ORDER_AVAILABLE)("agrees with the collator where the joined order is not the fields' order", () => {
    const cases: [FindingTarget, FindingTarget][] = [
      // "|" sorts after "/": a resource after its child.
      [{ path: "/a" }, { path: "/a/b" }],
      // A case difference in the stage loses to a later difference in the path.
      [
        { stage: "prod", path: "/b" },
        { stage: "Prod", path: "/a" },
      ],
      [
        { stage: "prod", path: "/a" },
        { stage: "Prod", path: "/a" },
      ],
      // Field boundaries that move: the same characters, split differently.
      [{ stage: "a|b" }, { stage: "a", path: "b" }],
      [{ path: "/a", httpMethod: "GET" }, { path: "/a|GET" }],
      [{}, { responseType: " " }],
      [{ path: "/item10" }, { path: "/item9" }],
      [{ path: "/{id}" }, { path: "/{proxy+}" }],
      [{ path: "/a-b" }, { path: "/a_b" }],
    ];
    for (const [a, b] of cases) {
      expect(compareTargets(a, b), JSON.stringify([a, b])).toBe(byKeys(a, b));
      expect(compareTargets(b, a), JSON.stringify([b, a])).toBe(byKeys(b, a));
    }
  });

  it("leaves targets with anything but printable ASCII to the keys", () => {
    expect(plainTarget({ path: "/é" })).toBe(false);
    expect(plainTarget({ path: "/a\u0000b" })).toBe(false);
    expect(plainTarget({ stage: "prod\t" })).toBe(false);
    expect(plainTarget({ authorizerId: "\u007f" })).toBe(false);
    expect(plainTarget({ path: 7 as unknown as string })).toBe(false);
    expect(plainTarget({ path: "/~ok", stage: "", httpMethod: "GET" })).toBe(true);
  });
});
