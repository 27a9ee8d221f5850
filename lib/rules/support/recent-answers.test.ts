import { describe, expect, it } from "vitest";
import { recentAnswers } from "./recent-answers";

describe("recentAnswers", () => {
  it("answers as the function does, asking it again only for a key not among the last two", () => {
    const asked: Array<object | undefined> = [];
    const a = {};
    const b = {};
    const c = {};
    const answer = recentAnswers((key: object | undefined) => {
      asked.push(key);
      return key === undefined ? "none" : key === a ? "a" : key === b ? "b" : "c";
    });
    expect([a, b, a, b, b, c, a, undefined, undefined].map(answer)).toEqual(["a", "b", "a", "b", "b", "c", "a", "none", "none"]);
    // c took the place of a, then a the place of b: a key is asked again only once it has left the last two.
    expect(asked).toEqual([a, b, c, a, undefined]);
  });

  it("keeps an undefined answer as an answer", () => {
    let calls = 0;
    const answer = recentAnswers((key: string) => {
      calls++;
      return key === "x" ? undefined : key;
    });
    expect([answer("x"), answer("x"), answer("y"), answer("x")]).toEqual([undefined, undefined, "y", undefined]);
    expect(calls).toBe(2);
  });
});
