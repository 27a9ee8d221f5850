import { describe, expect, it } from "vitest";
import { reportFixture } from "@/lib/report/testing/report-fixture";
import { wholeApiFixView } from "./whole-api-fix";

describe("the Fix everything tab's preview", () => {
  const { report } = reportFixture();

  it("shows each file whole when it fits, and only its first lines (with the full length) when it does not", () => {
    const whole = wholeApiFixView(report, "/x");
    const cut = wholeApiFixView(report, "/x", 400);
    if (whole.status !== "ready" || cut.status !== "ready") throw new Error("expected a ready fix");
    for (const [index, snippet] of cut.snippets.entries()) {
      const full = whole.snippets[index]!;
      expect(full.fullLength).toBeUndefined();
      if (full.code.length <= 400) {
        expect(snippet).toEqual(full);
        continue;
      }
      expect(snippet.fullLength).toBe(full.code.length);
      expect(snippet.code.length).toBeLessThanOrEqual(400);
      expect(full.code.startsWith(snippet.code)).toBe(true);
      // Cut at a line end: the preview never stops inside a line.
      expect(snippet.code.endsWith("\n")).toBe(true);
    }
    expect(cut.snippets.some((snippet) => snippet.fullLength !== undefined)).toBe(true);
    // The downloads are the whole files, whatever the preview shows.
    expect(cut.downloads).toEqual(whole.downloads);
  });
});
