/**
 * The whole template path for CloudFormation/CDK: files → loader (format detection, confined reads) → this reader
 * → audit core → findings that point at the line their element was written on (what SARIF and the text output use).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { readTemplates } from "@/lib/templates/read-templates";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { positionOf } from "@/lib/audit/element-key";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";

const READERS = { cloudformation: readCloudFormationTemplate, cdk: readCloudFormationTemplate };
const SAM_OUTPUT = "api_with_cors_and_auth_preflight_auth.json";
const SAM_OUTPUT_PATH = `/work/shared/corpus/cloudformation/aws__serverless-application-model__tests__translator__output__${SAM_OUTPUT}`;

function lineAfter(text: string, anchor: string, needle: string): number {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.includes(anchor));
  return lines.findIndex((l, i) => i > start && l.includes(needle)) + 1;
}

describe("CloudFormation through the loader and the audit", () => {
  it("places each OPTIONS finding on the line of its operation inside the RestApi's Body", () => {
    const text = readFileSync(SAM_OUTPUT_PATH, "utf8");
    const read = readTemplates(memoryFileTree([{ path: `infra/${SAM_OUTPUT}`, text }]), READERS, { region: "us-east-1" });
    expect(read.errors).toEqual([]);
    expect(read.apis.map((a) => [a.name, a.format])).toEqual([["ServerlessApi", "cloudformation"]]);
    const report = auditTemplateApi(read.apis[0]!, "2026-01-01T00:00:00.000Z");
    expect(report.partial).toBe(false);
    const optionsFindings = report.findings.filter((f) => f.ruleId === "options-requires-authorization");
    const placed = optionsFindings.map((f) => [f.target.path, positionOf(report.source, f.target)]);
    expect(placed).toEqual([
      ["/", { file: `infra/${SAM_OUTPUT}`, line: lineAfter(text, '"/": {', '"options"'), column: 15 }],
      ["/any", { file: `infra/${SAM_OUTPUT}`, line: lineAfter(text, '"/any": {', '"options"'), column: 15 }],
    ]);
  });

  it("places a finding on a plain AWS::ApiGateway::Method at its logical id (CDK output)", () => {
    const name = "TokenAuthorizerInteg.template.json";
    const text = readFileSync(
      `/work/shared/corpus/cdk/aws__aws-cdk__packages__aws-cdk-testing__framework-integ__test__aws-apigateway__test__authorizers__integ.token-authorizer.js.snapshot__${name}`,
      "utf8",
    );
    const read = readTemplates(memoryFileTree([{ path: `cdk.out/${name}`, text }]), READERS, { region: "us-east-1" });
    expect(read.errors).toEqual([]);
    expect(read.apis.map((a) => [a.name, a.format])).toEqual([["MyRestApi2D1F47A9", "cdk"]]);
    const report = auditTemplateApi(read.apis[0]!, "2026-01-01T00:00:00.000Z");
    const finding = report.findings.find((f) => f.ruleId === "actual-response-without-cors");
    expect(finding?.target).toMatchObject({ path: "/", httpMethod: "ANY" });
    const line = text.split("\n").findIndex((l) => l.includes('"MyRestApiANY05143F93": {')) + 1;
    expect(positionOf(report.source, finding!.target)).toEqual({ file: `cdk.out/${name}`, line, column: 3 });
  });
});
