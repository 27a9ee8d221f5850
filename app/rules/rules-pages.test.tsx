import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/rules";
import RulesPage from "./page";
import RulePage, { generateStaticParams } from "./[id]/page";

describe("/rules", () => {
  it("lists every registered rule with a link to its page", () => {
    const html = renderToStaticMarkup(<RulesPage />);
    for (const rule of RULES) expect(html).toContain(`href="/rules/${rule.meta.id}"`);
  });

  it("renders each rule's metadata and references", async () => {
    expect(generateStaticParams()).toHaveLength(RULES.length);
    for (const rule of RULES) {
      const html = renderToStaticMarkup(await RulePage({ params: Promise.resolve({ id: rule.meta.id }) }));
      expect(html).toContain(`data-rule-id="${rule.meta.id}"`);
      for (const doc of rule.meta.docs) expect(html).toContain(doc.url.replace(/&/g, "&amp;"));
    }
  });
});
