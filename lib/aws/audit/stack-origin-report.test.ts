import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIGatewayClient, CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { STOREFRONT_API_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { renderTextReport } from "@/lib/cli/formats/text-report";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { renderJsonReport } from "@/lib/report/json";
import { auditReportSchema } from "@/lib/share/report-schema";
import { withTemplateComparison } from "@/lib/audit/template-comparison";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());

async function audit(restApiId: string) {
  const result = await runAudit({ connection: emulatorConnection(emu.url), region: "us-east-1", restApiId, live: fastLiveOptions() });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.report;
}

describe("a live API deployed by CloudFormation names its stack", () => {
  it("storefront: the model, text, Markdown and JSON carry stack storefront-api and logical id StorefrontApi", async () => {
    const report = await audit(STOREFRONT_API_ID);
    expect(report.model.api.stack).toEqual({ stackName: "storefront-api", logicalId: "StorefrontApi" });
    expect(renderTextReport(report)).toContain("Stack: storefront-api (CloudFormation), logical id StorefrontApi\n");
    expect(renderMarkdownReport(report).content).toContain("Deployed by CloudFormation stack storefront-api, logical id StorefrontApi.");
    const json = JSON.parse(renderJsonReport(report).content) as unknown;
    expect(auditReportSchema.parse(json).model.api.stack).toEqual({ stackName: "storefront-api", logicalId: "StorefrontApi" });
    // Only the stack pair reaches the model, not the other tags.
    expect(renderJsonReport(report).content).not.toContain('"team"');
    // A plain live audit does not call CloudFormation: the stack's template is read only for a patch.
    expect(emu.requestLog.entries().map((e) => e.operation)).not.toContain("GetTemplate");
  });

  it("hostile tags from the endpoint are not taken as a stack", async () => {
    const client = new APIGatewayClient({
      region: "us-east-1",
      endpoint: emu.url,
      credentials: { accessKeyId: "AKIAPREFLIGHTDEMO000", secretAccessKey: "x" },
    });
    const created = await client.send(
      new CreateRestApiCommand({
        name: "hostile",
        tags: { "aws:cloudformation:stack-name": "x\n# <img src=x onerror=alert(1)>|", "aws:cloudformation:logical-id": "Api" },
      }),
    );
    const report = await audit(created.id as string);
    expect(report.model.api.stack).toBeUndefined();
    expect(renderTextReport(report)).not.toContain("Stack:");
  });

  it("Markdown escapes a compared template's name", async () => {
    const report = withTemplateComparison(await audit(STOREFRONT_API_ID), {
      template: "evil|*[x](javascript:alert(1))*<b>.yaml",
      logicalId: "StorefrontApi",
      differences: [],
      omitted: 0,
    });
    const md = renderMarkdownReport(report).content;
    expect(md).toContain("Compared with evil\\|\\*\\[x\\](javascript:alert(1))\\*\\<b\\>.yaml (StorefrontApi): 0 difference(s).");
  });
});
