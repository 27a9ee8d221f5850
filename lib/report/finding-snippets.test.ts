import { describe, expect, it } from "vitest";
import { allIntentFindings, storefrontModel } from "@/lib/remediation/testing/fixtures";
import type { Finding } from "@/lib/rules/types";
import { renderFindingSnippets } from "./finding-snippets";

describe("renderFindingSnippets", () => {
  it("renders a fixable finding in every deploy format, with labels and file names for the tabs", () => {
    const model = storefrontModel();
    const finding = allIntentFindings().find((candidate) => candidate.fixes.some((fix) => fix.kind === "set-method-authorization"))!;
    const { snippets, error } = renderFindingSnippets(model, finding);
    expect(error).toBeUndefined();
    expect(snippets.map((snippet) => snippet.format)).toEqual(
      expect.arrayContaining(["aws-cli", "sdk-json", "cloudformation", "sam", "terraform", "cdk"]),
    );
    const cli = snippets.find((snippet) => snippet.format === "aws-cli")!;
    expect(cli.label).toBeTruthy();
    expect(cli.filename).toMatch(/\.sh$/);
    expect(cli.code).toContain("update-method");
  });

  it("renders nothing for a finding without a fix, and turns a renderer failure into a message", () => {
    const model = storefrontModel();
    const [first] = allIntentFindings();
    expect(renderFindingSnippets(model, { ...first!, fixes: [] })).toEqual({ snippets: [] });
    // A finding that names a stage the model does not have cannot be rendered (the context refuses it).
    const broken: Finding = { ...first!, stages: ["no-such-stage"] };
    const rendered = renderFindingSnippets(model, broken);
    expect(rendered.snippets).toEqual([]);
    expect(rendered.error).toMatch(/^The fix snippets could not be generated: .*no-such-stage/);
  });
});
