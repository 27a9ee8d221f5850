import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/templates/files/file-tree";
import { parseUpload } from "./template-upload";

function upload(files: { path: string; content?: string | Uint8Array<ArrayBuffer> }[], extra?: (data: FormData) => void): FormData {
  const data = new FormData();
  for (const { path, content = "openapi: 3.0.1\n" } of files) {
    data.append("file", new File([content], path.split("/").at(-1) ?? "x"));
    data.append("path", path);
  }
  extra?.(data);
  return data;
}

async function problemsOf(data: FormData): Promise<string[]> {
  const parsed = await parseUpload(data);
  if (parsed.ok) throw new Error("expected the upload to be refused");
  return parsed.problems;
}

describe("parseUpload", () => {
  it("reads each file's text under the relative path sent beside it, not the multipart filename", async () => {
    const parsed = await parseUpload(
      upload([
        { path: "infra/api/openapi.yaml", content: "a: 1\n" },
        { path: "template.yaml", content: "b: 2\n" },
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      files: [
        { path: "infra/api/openapi.yaml", text: "a: 1\n" },
        { path: "template.yaml", text: "b: 2\n" },
      ],
    });
  });

  it("refuses an empty upload", async () => {
    expect(await problemsOf(new FormData())).toEqual(["choose at least one file"]);
  });

  it.each([
    ["../../etc/passwd", '".." is not accepted'],
    ["/etc/passwd", "absolute paths"],
    ["C:/Windows/win.ini", "absolute paths"],
    ["infra\\..\\x.yaml", 'paths use "/"'],
    ["x.yaml\u0000.png", "control character"],
  ])("refuses the hostile path %j", async (path, reason) => {
    const problems = await problemsOf(upload([{ path }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reason);
  });

  it("refuses a file field that is text, and files without their paths", async () => {
    const text = new FormData();
    text.append("file", "openapi: 3.0.1");
    text.append("path", "a.yaml");
    expect(await problemsOf(text)).toEqual(["every file field must be a file"]);
    expect(await problemsOf(upload([{ path: "a.yaml" }], (data) => data.append("file", new File(["x"], "b.yaml"))))).toEqual([
      "2 files but 1 paths: each file needs its path",
    ]);
  });

  it("refuses a file over the per-file limit by its real size, before reading any text", async () => {
    // A file whose text must never be read: validation decides on sizes alone.
    class Untouchable extends File {
      override text(): Promise<string> {
        throw new Error("read before validation");
      }
    }
    const data = upload([{ path: "small.yaml" }]);
    data.append("file", new Untouchable([new Uint8Array(LIMITS.fileBytes + 1)], "big.yaml"));
    data.append("path", "big.yaml");
    expect(await problemsOf(data)).toEqual(['"big.yaml": 10 MB, over the 10 MB limit for one file']);
  });

  it("refuses a set over the total limit", async () => {
    const chunk = new Uint8Array(LIMITS.fileBytes);
    const problems = await problemsOf(upload(Array.from({ length: 6 }, (_, index) => ({ path: `t${index}.yaml`, content: chunk }))));
    expect(problems).toEqual(["60 MB in all, over the 50 MB limit for one audit"]);
  });

  it("refuses more files than one audit reads, and duplicates", async () => {
    const many = upload(Array.from({ length: LIMITS.files + 1 }, (_, index) => ({ path: `t${index}.yaml`, content: "" })));
    expect(await problemsOf(many)).toEqual([`at most ${LIMITS.files} files are audited at once`]);
    expect(await problemsOf(upload([{ path: "a.yaml" }, { path: "a.yaml" }]))).toEqual(['"a.yaml": chosen twice']);
  });
});

describe("the server action body limit (next.config.js)", () => {
  it("admits the loader's total limit plus the multipart framing and path of every file, so the 50 MB promise holds", async () => {
    // @ts-expect-error next.config.js is plain JavaScript without declarations
    const { default: config } = (await import("@/next.config.js")) as {
      default: { experimental?: { serverActions?: { bodySizeLimit?: string } } };
    };
    const match = /^(\d+)mb$/.exec(config.experimental?.serverActions?.bodySizeLimit ?? "");
    expect(match, "bodySizeLimit is written as <n>mb").not.toBeNull();
    // Next parses "mb" with the `bytes` package: 1 mb = 1024 × 1024 bytes.
    expect(Number(match![1]) * 1024 * 1024).toBeGreaterThanOrEqual(LIMITS.totalBytes + LIMITS.files * 2048);
  });
});
