import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { panelClass, Section } from "./panel";

describe("Section", () => {
  it("is a bordered section labelled by its heading, passing data attributes through", () => {
    const html = renderToStaticMarkup(
      <Section headingId="h" heading="Shared audits" data-testid="history" data-count={2}>
        <p>body</p>
      </Section>,
    );
    expect(html).toBe(
      `<section aria-labelledby="h" class="${panelClass()}" data-testid="history" data-count="2">` +
        `<h2 id="h" class="border-b border-zinc-200 px-3 py-1.5 text-sm dark:border-zinc-800 font-semibold">Shared audits</h2><p>body</p></section>`,
    );
  });

  it("renders a shaded third-level heading for groups inside a page section", () => {
    const html = renderToStaticMarkup(<Section level={3} tone="shaded" heading="Rule" />);
    expect(html).toMatch(/^<section class="[^"]*"><h3 class="[^"]*bg-zinc-50 font-medium[^"]*">Rule<\/h3><\/section>$/);
  });
});
