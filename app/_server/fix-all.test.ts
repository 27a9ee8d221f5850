import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { REMEDIATION_FORMATS } from "@/lib/remediation/formats/types";
import { reportFixture } from "@/lib/report/testing/report-fixture";
import { wholeApiFixView } from "@/lib/report/whole-api-fix";
import { fixableFindings } from "@/lib/remediation/whole-api-plan";
import { isFixFile, wholeApiFixFile } from "./fix-all";

describe("whole-API fix", () => {
  const { report } = reportFixture();

  it("renders one plan over every fixable finding, each format linked to its route", () => {
    const view = wholeApiFixView(report, "/api/audits/abc/fix");
    if (view.status !== "ready") throw new Error(`expected a ready fix, got ${view.status}`);
    expect(view.fixable).toBe(fixableFindings(report).length);
    expect(view.fixable + view.notFixable).toBe(report.findings.length);
    expect(view.snippets.map((snippet) => snippet.format)).toEqual([...REMEDIATION_FORMATS]);
    for (const snippet of view.snippets) expect(view.downloads.byFormat[snippet.format]).toBe(`/api/audits/abc/fix/${snippet.format}`);
    expect(view.downloads.bundle).toBe("/api/audits/abc/fix/bundle");
    expect(view.snippets.find((snippet) => snippet.format === "aws-cli")?.code).toContain("set -euo pipefail");
  });

  it("serves each format's file as the tab shows it, and a zip holding all of them", () => {
    const view = wholeApiFixView(report, "/x");
    if (view.status !== "ready") throw new Error("expected a ready fix");
    for (const snippet of view.snippets) {
      const file = wholeApiFixFile(report, snippet.format as (typeof REMEDIATION_FORMATS)[number]);
      if (!file.ok) throw new Error(file.message);
      expect(file.file).toMatchObject({ filename: snippet.filename, content: snippet.code });
    }
    expect(wholeApiFixFile(report, "aws-cli")).toMatchObject({ ok: true, file: { mimeType: "text/x-shellscript" } });
    const bundle = wholeApiFixFile(report, "bundle");
    if (!bundle.ok) throw new Error(bundle.message);
    expect(bundle.file).toMatchObject({ filename: `preflight-fix-${report.api.id}.zip`, mimeType: "application/zip" });
    const entries = unzipSync(bundle.file.content as Uint8Array);
    const names = Object.keys(entries).map((name) => name.split("/").pop());
    expect(names.sort()).toEqual(["README.txt", ...view.snippets.map((snippet) => snippet.filename)].sort());
    const script = Object.entries(entries).find(([name]) => name.endsWith(".sh"))!;
    expect(strFromU8(script[1])).toBe(view.snippets.find((snippet) => snippet.format === "aws-cli")?.code);
  });

  it("says when there is nothing to fix, and when a format does not apply", () => {
    const onlyUnfixable = reportFixture(reportFixture().report.findings.map((finding) => ({ ...finding, fixes: [] }))).report;
    expect(wholeApiFixView(onlyUnfixable, "/x")).toEqual({ status: "nothing", notFixable: onlyUnfixable.findings.length });
    expect(wholeApiFixFile(onlyUnfixable, "bundle")).toMatchObject({ ok: false, status: 404, code: "fix:nothing" });

    const withoutAuthorizerCode = reportFixture(
      report.findings.filter((finding) => !finding.fixes.some((fix) => fix.kind === "widen-authorizer-policy")),
    ).report;
    expect(wholeApiFixFile(withoutAuthorizerCode, "authorizer-node")).toMatchObject({
      ok: false,
      status: 404,
      code: "fix:format-not-rendered",
    });
  });

  it("accepts only the known file names", () => {
    expect(isFixFile("bundle")).toBe(true);
    expect(isFixFile("terraform")).toBe(true);
    for (const bad of ["", "zip", "../bundle", "aws-cli.sh", "Bundle"]) expect(isFixFile(bad)).toBe(false);
  });
});
