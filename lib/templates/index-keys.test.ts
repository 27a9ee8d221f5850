import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setOwn } from "@/lib/model/set-own";
import { indexKeyedMap, isMultiDigitIndex, setOwnKey } from "./index-keys";

/** Own keys with their property descriptors, in enumeration order: "the same object" in every observable way. */
function shape(value: object): string {
  return JSON.stringify(Object.getOwnPropertyNames(value).map((key) => [key, Object.getOwnPropertyDescriptor(value, key)]));
}

describe("isMultiDigitIndex", () => {
  it("accepts canonical array indexes of two digits or more and nothing else", () => {
    for (const key of ["10", "200", "599", "4294967294", "1000000"]) expect(isMultiDigitIndex(key), key).toBe(true);
    // One digit, a leading zero, a sign, a space, a fraction, 2^32 - 1 (not an array index) and beyond.
    for (const key of [
      "",
      "0",
      "7",
      "01",
      "007",
      "-200",
      "+200",
      " 200",
      "200 ",
      "2.5",
      "2e3",
      "4294967295",
      "9999999999",
      "12345678901",
      "2XX",
    ])
      expect(isMultiDigitIndex(key), key).toBe(false);
  });

  it("agrees with the ECMAScript definition of an array index on random keys", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{0,11}$/), fc.nat().map(String), fc.string()), (key) => {
        const index = Number(key);
        const arrayIndex = String(index >>> 0) === key && index >>> 0 !== 2 ** 32 - 1;
        expect(isMultiDigitIndex(key)).toBe(arrayIndex && key.length >= 2);
      }),
    );
  });
});

describe("setOwnKey", () => {
  it("gives the object setOwn gives: the same own keys, values, descriptors and order", () => {
    const keys = fc.oneof(
      fc.constantFrom(
        "200",
        "404",
        "10",
        "1000000000",
        "4294967294",
        "4294967295",
        "0",
        "5",
        "__proto__",
        "default",
        "constructor",
        "toString",
      ),
      fc.nat({ max: 100_000 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.integer()), { maxLength: 12 }), (entries) => {
        const expected: Record<string, number> = {};
        const actual: Record<string, number> = {};
        for (const [key, value] of entries) {
          setOwn(expected, key, value);
          setOwnKey(actual, key, value);
        }
        expect(shape(actual)).toBe(shape(expected));
        expect(Object.getPrototypeOf(actual)).toBe(Object.prototype);
      }),
    );
  });

  it("keeps a key that is the index it stores and deletes itself", () => {
    const map: Record<string, string> = {};
    setOwnKey(map, "1000000000", "far");
    setOwnKey(map, "200", "ok");
    setOwnKey(map, "201", "created");
    expect(Object.entries(map)).toEqual([
      ["200", "ok"],
      ["201", "created"],
      ["1000000000", "far"],
    ]);
  });
});

describe("indexKeyedMap", () => {
  it("is an empty plain object, and filled with setOwn it is the object setOwn gives from {}", () => {
    const empty = indexKeyedMap<number>();
    expect(Object.getPrototypeOf(empty)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(empty)).toEqual([]);
    expect(JSON.stringify(empty)).toBe("{}");
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(fc.constantFrom("200", "1000000000", "__proto__", "default"), fc.nat().map(String), fc.string()), fc.integer()),
          {
            maxLength: 10,
          },
        ),
        (entries) => {
          const expected: Record<string, number> = {};
          const actual = indexKeyedMap<number>();
          for (const [key, value] of entries) {
            setOwn(expected, key, value);
            setOwn(actual, key, value);
          }
          expect(shape(actual)).toBe(shape(expected));
        },
      ),
    );
  });
});
