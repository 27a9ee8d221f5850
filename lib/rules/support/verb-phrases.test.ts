import { describe, expect, it } from "vitest";
import { HTTP_VERBS, type HttpVerb } from "@/lib/model/types";
import { verbPhrases } from "./verb-phrases";

describe("verbPhrases", () => {
  it("starts each verb's phrase with the start and ends it with a space", () => {
    const phrase = verbPhrases("Anyone can call ");
    for (const verb of HTTP_VERBS) {
      expect(phrase(verb)).toBe(`Anyone can call ${verb} `);
    }
  });

  it("words a verb it does not know the same way", () => {
    expect(verbPhrases("On ")("TRACE" as HttpVerb)).toBe("On TRACE ");
  });
});
