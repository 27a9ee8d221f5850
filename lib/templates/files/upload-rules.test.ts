import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/templates/files/file-tree";
import { formatBytes, keepFolderFile, uploadPathProblem, uploadProblems, UPLOAD_PATH_MAX } from "./upload-rules";

describe("uploadPathProblem", () => {
  it.each(["template.yaml", "infra/api/openapi.yaml", "my folder/a..b.yaml", "cdk.out/Stack.template.json", "é/ü.yml"])(
    "accepts the relative path %j",
    (path) => {
      expect(uploadPathProblem(path)).toBeUndefined();
    },
  );

  it.each([
    ["", "no name"],
    ["../etc/passwd", '".." is not accepted'],
    ["infra/../../secret.yaml", '".." is not accepted'],
    ["infra/..", '".." is not accepted'],
    ["/etc/passwd", "absolute paths"],
    ["C:/Users/me/template.yaml", "absolute paths"],
    ["c:template.yaml", "absolute paths"],
    ["infra\\..\\template.yaml", 'paths use "/"'],
    ["template.yaml\u0000.png", "control character"],
    ["line\nbreak.yaml", "control character"],
    ["infra//template.yaml", 'empty or "." folder'],
    ["./template.yaml", 'empty or "." folder'],
    ["infra/", 'empty or "." folder'],
    ["a/".repeat(UPLOAD_PATH_MAX) + "t.yaml", `longer than ${UPLOAD_PATH_MAX}`],
  ])("refuses %j (%s)", (path, reason) => {
    expect(uploadPathProblem(path)).toContain(reason);
  });

  it("quotes hostile text as JSON, so a control character is shown escaped, never raw", () => {
    expect(uploadPathProblem("a\u0000b")).toContain('"a\\u0000b"');
  });
});

describe("uploadProblems", () => {
  it("accepts files within every limit", () => {
    expect(
      uploadProblems([
        { path: "a.yaml", size: 10 },
        { path: "b/c.json", size: LIMITS.fileBytes },
      ]),
    ).toEqual([]);
  });

  it("needs at least one file", () => {
    expect(uploadProblems([])).toEqual(["choose at least one file"]);
  });

  it("refuses one file over the per-file limit, naming it and the limit", () => {
    expect(uploadProblems([{ path: "big.yaml", size: LIMITS.fileBytes + 1 }])).toEqual([
      `"big.yaml": ${formatBytes(LIMITS.fileBytes + 1)}, over the 10 MB limit for one file`,
    ]);
  });

  it("refuses a set over the total limit even when each file is within its own", () => {
    const files = Array.from({ length: 6 }, (_, index) => ({ path: `t${index}.yaml`, size: LIMITS.fileBytes - 1 }));
    expect(uploadProblems(files)).toEqual([expect.stringMatching(/in all, over the 50 MB limit for one audit$/)]);
  });

  it("refuses more files than one audit reads", () => {
    const files = Array.from({ length: LIMITS.files + 1 }, (_, index) => ({ path: `t${index}.yaml`, size: 1 }));
    expect(uploadProblems(files)).toEqual(["5,001 files: at most 5,000 are audited at once"]);
  });

  it("refuses the same path twice", () => {
    expect(
      uploadProblems([
        { path: "a.yaml", size: 1 },
        { path: "a.yaml", size: 2 },
      ]),
    ).toEqual(['"a.yaml": chosen twice']);
  });

  it("lists at most 20 problems and counts the rest", () => {
    const files = Array.from({ length: 30 }, (_, index) => ({ path: `../t${index}.yaml`, size: 1 }));
    const problems = uploadProblems(files);
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)).toBe("and 10 more problems");
  });
});

describe("keepFolderFile", () => {
  it("keeps template extensions anywhere in the chosen folder, including a chosen folder named cdk.out", () => {
    expect(keepFolderFile("infra/template.yaml")).toBe(true);
    expect(keepFolderFile("infra/modules/api/main.tf")).toBe(true);
    expect(keepFolderFile("cdk.out/Stack.template.json")).toBe(true);
  });

  it("keeps the variable files Terraform loads by itself, which the Terraform reader reads beside the .tf files", () => {
    expect(keepFolderFile("infra/terraform.tfvars")).toBe(true);
    expect(keepFolderFile("infra/prod.auto.tfvars")).toBe(true);
    expect(keepFolderFile("infra/prod.tfvars")).toBe(false);
  });

  it("leaves out what the CLI's scan leaves out: other extensions, node_modules, cdk.out and dot-folders below the chosen folder, package.json", () => {
    expect(keepFolderFile("infra/README.md")).toBe(false);
    expect(keepFolderFile("infra/node_modules/x/template.yaml")).toBe(false);
    expect(keepFolderFile("app/cdk.out/Stack.template.json")).toBe(false);
    expect(keepFolderFile("repo/.github/workflows/ci.yml")).toBe(false);
    expect(keepFolderFile("repo/package.json")).toBe(false);
  });
});
