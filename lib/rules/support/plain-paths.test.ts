import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";
import { randomModel } from "@/lib/rules/testing/random-models";
import { allPathsPlain } from "@/lib/rules/support/plain-paths";
import { fallthroughCallers } from "@/lib/rules/support/preflight-callers";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";

/** A copy with its own resource list, so fallthroughCallers routes it afresh. */
const fresh = (model: ApiModel): ApiModel => ({ ...model, resources: [...model.resources] });

// A plain variant of a random model: each path with its variables made literal, so that both kinds are exercised.
const plainModel = randomModel.map((model) => ({
  ...model,
  resources: model.resources.map((r) => ({ ...r, path: r.path.replace(/[{}+]/g, "") })),
}));

describe("allPathsPlain", () => {
  it("is true only where no preflight falls through (fallthroughCallers is empty)", () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(randomModel, plainModel), (model) => {
        if (!allPathsPlain(model)) return;
        plain += 1;
        expect([...fallthroughCallers(fresh(model)).keys()]).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(plain).toBeGreaterThan(50);
  });

  it("is false for the paths routing reads like another (an empty segment, a trailing or missing slash) and for variables", () => {
    // Built with a placeholder path, then given the path as it is (the builder would tidy it).
    const answered = (paths: string[]) => {
      let builder = api().resource("/a", (r) => r.method("GET").cors());
      paths.forEach((_, i) => (builder = builder.resource(`/p${i}`, (r) => r.method("PUT"))));
      const model = builder.build();
      const path = (p: string) => {
        const at = /^\/p(\d+)$/.exec(p);
        return at ? (paths[Number(at[1])] as string) : p;
      };
      return {
        ...model,
        resources: model.resources.map((r) => ({
          ...r,
          path: path(r.path),
          methods: r.methods.map((m) => ({ ...m, path: path(m.path) })),
        })),
      };
    };
    for (const path of ["/a/", "//a", "a", "/{id}"]) {
      const model = answered([path]);
      expect(model.resources.some((r) => r.path === path)).toBe(true);
      expect(allPathsPlain(model), path).toBe(false);
    }
    // A variable is what makes a fall-through: "/b" has no OPTIONS, and "/{id}"'s answers its preflight.
    const sibling = api()
      .resource("/b", (r) => r.method("PUT"))
      .resource("/{id}", (r) => r.method("GET").cors())
      .build();
    expect(allPathsPlain(sibling)).toBe(false);
    expect([...fallthroughCallers(sibling).keys()]).toEqual(["/{id}"]);
    expect(allPathsPlain(answered(["/b", "/a/b/c"]))).toBe(true);
    expect(
      allPathsPlain(
        api()
          .resource("/", (r) => r.method("GET"))
          .build(),
      ),
    ).toBe(true);
  });

  it("agrees with fallthroughCallers on every template of the corpora", async () => {
    let checked = 0;
    for (const corpus of ["/work/shared/corpus", "/work/shared/corpus-more"])
      for (const format of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()))
        for (const entry of readdirSync(join(corpus, format.name))) {
          const tree = diskFileTree([join(corpus, format.name, entry)], join(corpus, format.name));
          if (!tree.ok) continue;
          for (const report of (await auditTemplates(tree.tree)).reports) {
            if (!allPathsPlain(report.model)) continue;
            checked += 1;
            expect([...fallthroughCallers(fresh(report.model)).keys()], entry).toEqual([]);
          }
        }
    expect(checked).toBeGreaterThan(5);
  }, 120_000);
});
