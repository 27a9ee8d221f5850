import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOpenApiFile } from "@/lib/templates/openapi";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import { isolatedContext } from "@/lib/templates/testing/method-table";

const SMITHY =
  "/work/shared/corpus/openapi/smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__cors-explicit-options.openapi.json";

describe("findings on uncertain template elements", () => {
  it("lose one step of confidence and carry the reason: OPTIONS /foo gets sigv4 only from the document-level security", () => {
    const result = readOpenApiFile({ path: "cors-explicit-options.openapi.json", text: readFileSync(SMITHY, "utf8") }, isolatedContext());
    if (!result.ok) throw new Error(result.error.message);
    const report = auditTemplateApi(result.apis[0]!, "2026-01-01T00:00:00.000Z");
    const options = report.findings.find((f) => f.ruleId === "options-requires-authorization" && f.target.path === "/foo");
    expect(options).toMatchObject({ confidence: "likely", evidence: { uncertain: expect.stringMatching(/document-level security/) } });
    // A finding on an element read with certainty keeps the rule's confidence.
    const gatewayResponse = report.findings.find((f) => f.target.responseType !== undefined);
    if (gatewayResponse) expect(gatewayResponse.evidence.uncertain).toBeUndefined();
  });
});
