import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "./index";
import { placeholdersOf } from "./support/render-message";
import type { RuleCases } from "./testing/rule-tester";
import { runRule } from "./testing/rule-tester";

const RULES_DIR = path.dirname(new URL(import.meta.url).pathname);
// Folders under lib/rules that hold shared code, not rules.
const NOT_RULES = new Set(["support", "testing"]);
const ruleFolders = readdirSync(RULES_DIR).filter((name) => statSync(path.join(RULES_DIR, name)).isDirectory() && !NOT_RULES.has(name));

async function casesOf(id: string): Promise<RuleCases> {
  const loaded = (await import(`./${id}/cases.ts`)) as { cases: RuleCases };
  return loaded.cases;
}

describe("rule registry", () => {
  it("has unique ids", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists every rule folder, and every listed rule has its folder (id == folder name)", () => {
    expect([...RULES.map((r) => r.meta.id)].sort()).toEqual([...ruleFolders].sort());
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it("has rule.ts, rule.test.ts and cases.ts in its folder", () => {
        for (const file of ["rule.ts", "rule.test.ts", "cases.ts"])
          expect(existsSync(path.join(RULES_DIR, rule.meta.id, file)), file).toBe(true);
      });

      it("has metadata a reader can act on", () => {
        const { meta } = rule;
        expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        for (const field of [meta.title, meta.browserSends, meta.gatewayAnswers, meta.why]) expect(field.length).toBeGreaterThan(10);
        expect(meta.docs.length).toBeGreaterThan(0);
        for (const doc of meta.docs) expect(doc.url).toMatch(/^https:\/\//);
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        expect(meta.requires.length).toBeGreaterThan(0);
      });

      it("has at least one passing and one failing case", async () => {
        const cases = await casesOf(rule.meta.id);
        expect(cases.valid.length).toBeGreaterThan(0);
        expect(cases.invalid.length).toBeGreaterThan(0);
      });

      it("uses only declared messageIds, fills every placeholder, and yields fixes on failing cases when fixable", async () => {
        const cases = await casesOf(rule.meta.id);
        for (const invalid of cases.invalid) {
          const drafts = rule.check({ model: invalid.model });
          expect(drafts.length, invalid.name).toBeGreaterThan(0);
          for (const draft of drafts) {
            const template = rule.meta.messages[draft.messageId];
            expect(template, `${invalid.name}: ${draft.messageId}`).toBeDefined();
            for (const name of placeholdersOf(template ?? ""))
              expect(draft.data ?? {}, `${invalid.name}: {{${name}}}`).toHaveProperty(name);
            if (rule.meta.fixable) expect(draft.fixes.length, invalid.name).toBeGreaterThan(0);
          }
        }
        for (const valid of cases.valid) expect(runRule(rule, valid.model), valid.name).toEqual([]);
      });
    });
  }
});
