import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/templates/files/file-tree";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";

describe("memoryFileTree", () => {
  it("measures an upload in UTF-8 bytes, the unit of the per-file limit and the audit's budget", () => {
    const tree = memoryFileTree([{ path: "api/template.yaml", text: "Description: café\n" }]);
    expect(tree.read("api/template.yaml")).toEqual({ ok: true, text: "Description: café\n", bytes: 19 });
  });

  it("refuses a file whose characters fit the limit but whose bytes do not", () => {
    // Two bytes per character: half the limit in characters is just over it in bytes.
    const text = "é".repeat(LIMITS.fileBytes / 2 + 1);
    const tree = memoryFileTree([{ path: "big.yaml", text }]);
    expect(tree.read("big.yaml")).toEqual({ ok: false, message: "big.yaml: larger than the 10 MB limit for one file" });
  });

  it("names a path that was not uploaded", () => {
    expect(memoryFileTree([]).read("missing.yaml")).toEqual({ ok: false, message: "missing.yaml: not among the uploaded files" });
  });
});
