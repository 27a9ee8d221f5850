import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixCommand } from "@/lib/cli/commands/fix";
import { fixTemplates } from "@/lib/cli/template-fix";
import { EXIT, type CliIo } from "@/lib/cli/io";

const dir = mkdtempSync(join(tmpdir(), "preflight-template-fix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIo & { stdout: string; stderr: string } {
  const sink = {
    stdout: "",
    stderr: "",
    env: {} as NodeJS.ProcessEnv,
    out: (text: string) => void (sink.stdout += text),
    err: (text: string) => void (sink.stderr += text),
  };
  return sink;
}

// A SAM API whose generated preflights inherit the default Lambda authorizer (SAM's documented default).
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
# keep this comment
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Cors: "'https://app.example.com'"
      Auth:
        DefaultAuthorizer: Tokens
        Authorizers:
          Tokens:
            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({ statusCode: 200 })"
      Events:
        Get:
          Type: Api
          Properties: { RestApiId: !Ref Api, Path: /orders, Method: get }
`;

describe("fix --template --format patch", () => {
  it("prints a patch that git applies, adding SAM's preflight switch on the right Api", async () => {
    writeFileSync(join(dir, "template.yaml"), TEMPLATE);
    const sink = io();
    const code = await fixTemplates(sink, { templates: ["template.yaml"], selectors: [], minSeverity: "medium", cwd: dir });
    expect(code).toBe(EXIT.ok);
    expect(sink.stdout).toMatch(/^# Preflight: fixes/);
    expect(sink.stdout).toContain("diff --git a/template.yaml b/template.yaml\n");
    expect(sink.stdout).toContain("+        AddDefaultAuthorizerToCorsPreflight: false\n");
    writeFileSync(join(dir, "fix.patch"), sink.stdout);
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["apply", "fix.patch"], { cwd: dir });
    const patched = readFileSync(join(dir, "template.yaml"), "utf8");
    expect(patched).toContain("# keep this comment\n");
    expect(patched).toContain("Properties: { RestApiId: !Ref Api, Path: /orders, Method: get }\n");
  });

  it("refuses other formats and live flags with --template", async () => {
    const sink = io();
    expect(await fixCommand.run(["--template", "x.yaml", "--format", "cli"], sink)).toBe(EXIT.error);
    expect(sink.stderr).toContain("--format must be patch");
    const live = io();
    // With an API id, --template names the live API's working copy (lib/cli/live-fix.test.ts); without one, live flags are refused.
    expect(await fixCommand.run(["--template", "x.yaml", "--format", "patch", "--demo"], live)).toBe(EXIT.error);
    expect(live.stderr).toContain("--template patches files, not a live API");
    const noTemplate = io();
    expect(await fixCommand.run(["--format", "patch"], noTemplate)).toBe(EXIT.error);
    expect(noTemplate.stderr).toContain("name them with --template <file|dir>, or give a live API id");
  });
});
