/**
 * Circular dependencies, with cfn-lint (the CloudFormation linter the machine image ships) as the oracle: its rule
 * E3004 ("Resource dependencies are not circular", by DependsOn, Ref, Sub or GetAtt) flags the resources on one
 * cycle found from each resource (networkx.find_cycle), so every resource it flags must lie on a cycle the reader
 * reports, and a template has a cycle for one exactly when it has one for the other.
 * Needs `cfn-lint` on PATH: without it the test fails rather than skips.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTemplateDocument } from "@/lib/templates/document";
import { findDependencyCycles } from "@/lib/templates/cloudformation/dependencies";
import { templateSections } from "@/lib/templates/cloudformation/intrinsics";

const TEMPLATES: Record<string, string> = {
  "depends-on.yaml": `Resources:
  A: { Type: AWS::SNS::Topic, DependsOn: B }
  B: { Type: AWS::SNS::Topic, DependsOn: [A] }
  C: { Type: AWS::SNS::Topic, DependsOn: A }
`,
  "ref-and-sub.yaml": `Resources:
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: !Sub "\${Stage}-api" } }
  Deployment: { Type: AWS::ApiGateway::Deployment, Properties: { RestApiId: !Ref Api } }
  Stage: { Type: AWS::ApiGateway::Stage, Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: s } }
`,
  "get-att.yaml": `Resources:
  Fn: { Type: AWS::SNS::Topic, Properties: { TopicName: !GetAtt Queue.QueueName } }
  Queue: { Type: AWS::SQS::Queue, Properties: { QueueName: !GetAtt Fn.TopicName } }
  Free: { Type: AWS::SQS::Queue, Properties: { QueueName: !Sub "\${!Fn}-\${AWS::Region}" } }
`,
  "no-cycle.yaml": `Resources:
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }
  Res: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: x } }
  Get: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !Ref Res, HttpMethod: GET, AuthorizationType: NONE } }
  Dep: { Type: AWS::ApiGateway::Deployment, DependsOn: Get, Properties: { RestApiId: !Ref Api, StageName: v1 } }
`,
};

const dir = mkdtempSync(join(tmpdir(), "preflight-cfn-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LintMatch {
  Filename: string;
  Rule: { Id: string };
  Location: { Path: Array<string | number> };
}

function cfnLintCycles(): Record<string, string[]> {
  const files = Object.entries(TEMPLATES).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  let output: string;
  try {
    output = execFileSync("cfn-lint", ["--format", "json", ...files], { encoding: "utf8", timeout: 60_000 });
  } catch (error) {
    // cfn-lint exits non-zero when it finds errors; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (typeof stdout !== "string" || stdout === "") throw error;
    output = stdout;
  }
  const matches = JSON.parse(output) as LintMatch[];
  const byFile: Record<string, string[]> = Object.fromEntries(Object.keys(TEMPLATES).map((name) => [name, []]));
  for (const match of matches) {
    if (match.Rule.Id !== "E3004") continue;
    const name = match.Filename.split("/").pop() as string;
    byFile[name]?.push(String(match.Location.Path[1]));
  }
  return Object.fromEntries(Object.entries(byFile).map(([name, ids]) => [name, [...new Set(ids)].sort()]));
}

function readerCycles(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(TEMPLATES).map(([name, text]) => {
      const parsed = parseTemplateDocument(name, text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const cycles = findDependencyCycles(templateSections(parsed.document.value).Resources);
      return [name, [...new Set(cycles.flat())].sort()];
    }),
  );
}

describe("findDependencyCycles against cfn-lint E3004", () => {
  it("agrees with cfn-lint on which templates have cycles and on the resources it flags", () => {
    const oracle = cfnLintCycles();
    // Sanity: the oracle did find the cycles these templates were written to have.
    expect(oracle["depends-on.yaml"]).toEqual(["A", "B"]);
    expect(oracle["no-cycle.yaml"]).toEqual([]);
    const reader = readerCycles();
    for (const name of Object.keys(TEMPLATES)) {
      expect(reader[name]?.length === 0, name).toBe(oracle[name]?.length === 0);
      expect(reader[name], name).toEqual(expect.arrayContaining(oracle[name] ?? []));
    }
    // The reader reports every cycle: Api → Stage → Deployment → Api as well as Api → Stage → Api.
    expect(reader["ref-and-sub.yaml"]).toEqual(["Api", "Deployment", "Stage"]);
    expect(reader["get-att.yaml"]).toEqual(["Fn", "Queue"]);
  }, 90_000);
});
