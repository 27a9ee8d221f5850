/**
 * The nesting pre-check: the offsets below were taken from its first, character-by-character version, which the
 * current one (it skips the characters that change nothing) must match exactly.
 */
import { describe, expect, it } from "vitest";
import { findExcessiveNesting } from "@/lib/templates/nesting";
import { largeSamTemplate } from "@/lib/templates/testing/large-templates";

const deepBlock = Array.from({ length: 130 }, (_, i) => `${" ".repeat(i)}a:`).join("\n");

describe("findExcessiveNesting", () => {
  it.each([
    ["open brackets", "[".repeat(200), 127, 3],
    ['"- " entries on one line', `${"- ".repeat(200)}x`, 254, 6],
    ["ever deeper block mappings", deepBlock, 8640, 22],
    ["block and flow nesting added", `a:\n  b: [1, {c: [${"[".repeat(130)}`, 140, 16],
    ["brackets in a comment counted roughly", `# [[[[\n${"  ".repeat(5)}x: {a: 1}\n`, undefined, 20],
    ["closed brackets", `x: ${"[".repeat(100)}${"]".repeat(100)}\ny: ${"{".repeat(100)}`, undefined, 6],
  ])("%s: the offset where the limit is passed", (_name, text, atDefault, atFour) => {
    expect(findExcessiveNesting(text)).toBe(atDefault);
    expect(findExcessiveNesting(text, 4)).toBe(atFour);
  });

  it("passes a large real-shaped template", () => {
    expect(findExcessiveNesting(largeSamTemplate(200))).toBeUndefined();
    expect(findExcessiveNesting("")).toBeUndefined();
    expect(findExcessiveNesting("   ")).toBeUndefined();
  });
});
