import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { LIMITS } from "@/lib/templates/files/file-tree";

let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), "preflight-tree-"));
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(join(cwd, path, ".."), { recursive: true });
    writeFileSync(join(cwd, path), text);
  };
  write("repo/template.yaml", "Resources: {}\n");
  write("repo/api/openapi.json", "{}");
  write("repo/infra/main.tf", "");
  write("repo/README.md", "# not a candidate");
  write("repo/package.json", "{}");
  write("repo/node_modules/dep/template.yaml", "Resources: {}\n");
  write("repo/.git/config.yaml", "x: 1\n");
  write("repo/.aws-sam/build/template.yaml", "Resources: {}\n");
  write("repo/cdk.out/Stack.template.json", "{}");
  write("repo/big.json", Buffer.alloc(LIMITS.fileBytes + 1, 0x20));
  write("repo/binary.yaml", Buffer.from([0x61, 0x3a, 0x00, 0x01]));
  write("secret/credentials.yaml", "aws_secret_access_key: x\n");
  symlinkSync(join(cwd, "secret/credentials.yaml"), join(cwd, "repo/link.yaml"));
});

describe("diskFileTree", () => {
  it("scans a directory for candidate files, skipping dependencies, VCS data, build output and symlinks", () => {
    const result = diskFileTree(["repo"], cwd);
    if (!result.ok) throw new Error(result.message);
    expect(result.tree.paths).toEqual([
      "repo/api/openapi.json",
      "repo/big.json",
      "repo/binary.yaml",
      "repo/infra/main.tf",
      "repo/template.yaml",
    ]);
    expect(result.tree.named.size).toBe(0);
  });

  it("scans cdk.out when the user names it", () => {
    const result = diskFileTree(["repo/cdk.out"], cwd);
    if (!result.ok) throw new Error(result.message);
    expect(result.tree.paths).toEqual(["repo/cdk.out/Stack.template.json"]);
  });

  it("confines reads to the named directory, symlinks resolved first", () => {
    const result = diskFileTree(["repo"], cwd);
    if (!result.ok) throw new Error(result.message);
    expect(result.tree.read("repo/template.yaml")).toEqual({ ok: true, text: "Resources: {}\n", bytes: 14 });
    expect(result.tree.read("repo/../secret/credentials.yaml")).toMatchObject({
      ok: false,
      message: expect.stringContaining("outside the audited directory"),
    });
    expect(result.tree.read("repo/link.yaml")).toMatchObject({
      ok: false,
      message: expect.stringContaining("outside the audited directory"),
    });
  });

  it("refuses an oversized file by size before reading it, and a binary file, naming each", () => {
    const result = diskFileTree(["repo"], cwd);
    if (!result.ok) throw new Error(result.message);
    expect(result.tree.read("repo/big.json")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^repo\/big\.json: 10\.0 MB, over the 10 MB limit/),
    });
    expect(result.tree.read("repo/binary.yaml")).toEqual({ ok: false, message: "repo/binary.yaml: a binary file, not a template" });
  });

  it("marks a named file as named and confines it to its own directory", () => {
    const result = diskFileTree(["repo/template.yaml"], cwd);
    if (!result.ok) throw new Error(result.message);
    expect([...result.tree.named]).toEqual(["repo/template.yaml"]);
    expect(result.tree.rootOf("repo/api/openapi.json")).toBe("repo");
    expect(result.tree.read("secret/credentials.yaml").ok).toBe(false);
  });

  it("names a path that does not exist", () => {
    expect(diskFileTree(["nope.yaml"], cwd)).toEqual({ ok: false, message: "nope.yaml: no such file or directory" });
  });
});
