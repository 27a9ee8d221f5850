import { describe, expect, it } from "vitest";
import { placeholdersOf, renderMessage } from "./render-message";

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
});
