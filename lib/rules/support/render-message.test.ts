import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messageRun, placeholdersOf, renderInRun, renderMessage } from "./render-message";

/** The replace() it was before templates were split once: the rendered text must not change. */
const byReplace = (template: string, data: Record<string, string | number> = {}) =>
  template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));

describe("renderMessage", () => {
  const cases: Array<[string, Record<string, string | number> | undefined]> = [
    ["{{verb}} {{path}} answers {{ status }}.", { verb: "GET", path: "/a", status: 403 }],
    ["{{verb}} and {{verb}} again, {{unknown}} stays", { verb: "PUT" }],
    ["no placeholders at all", { verb: "GET" }],
    ["{{path}}", { path: "/$&/$1/{{verb}}" }],
    ["edge {{a}}{{b}}{{ c}} {{", { a: "", b: 0, c: "x" }],
    ["{{verb}} with no data", undefined],
    ["{{toString}} is inherited, as `in` sees it", {}],
    ["", {}],
  ];
  it("renders as the regular-expression replace did, repeated renders included", () => {
    for (const [template, data] of cases) {
      expect(renderMessage(template, data), template).toBe(byReplace(template, data));
      expect(renderMessage(template, data), template).toBe(byReplace(template, data));
    }
    expect(renderMessage("{{path}} is {{verb}}", { path: "/$&", verb: "GET" })).toBe("/$& is GET");
    expect(renderMessage("{{ missing }}!", {})).toBe("{{ missing }}!");
  });

  it("lists the placeholders of a template", () => {
    expect(placeholdersOf("{{a}} {{ b }} {{a}}")).toEqual(["a", "b", "a"]);
  });

  it("renders in a run as alone, whichever values consecutive messages share", () => {
    const templates = ["{{verb}} {{path}} ({{kind}} integration): {{problems}}.", "{{a}}{{b}}", "{{ a }} and {{missing}} end", "none", ""];
    const value = fc.oneof(fc.constantFrom("GET", "/a", "/b", "", "MOCK", "x"), fc.integer({ min: 0, max: 3 }));
    const data = fc.option(fc.dictionary(fc.constantFrom("verb", "path", "kind", "problems", "a", "b"), value), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...templates), data), { maxLength: 30 }), (messages) => {
        const run = messageRun();
        for (const [template, values] of messages) expect(renderInRun(run, template, values)).toBe(renderMessage(template, values));
      }),
    );
  });
});
