/**
 * `preflight fix --format patch` writes values from the template (header names, origins, keys) into the user's own
 * files. With hostile values (issue 15) the patched YAML, JSON and Terraform still parse, to the same strings for the
 * yaml package and PyYAML (the YAML 1.1 reader of cfn-lint), and HashiCorp's HCL parser reads the values back.
 */
import { parse as parseHcl } from "@cdktf/hcl2json";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isMap, parseDocument, type YAMLMap } from "yaml";
import type { TemplateSource } from "@/lib/audit/source";
import { parseCfnYaml } from "@/lib/remediation/cfn-yaml";
import { terraformChangeFor } from "@/lib/remediation/patch/terraform-fixes";
import { applyEdits, TemplateEditor, type MergeSpec } from "@/lib/remediation/patch/yaml-edits";
import { hostileNames, MARKER, SEED } from "@/lib/remediation/testing/hostile-names";
import { removeScratchDirs, runTool, scratchDir } from "@/lib/remediation/testing/tool-run";

const RUNS = 40;
const samples = fc.sample(hostileNames, { seed: SEED, numRuns: RUNS });

const YAML_TEMPLATE = `# the user's template
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
      GatewayResponses: { DEFAULT_5XX: { StatusCode: "500" } }
`;
const JSON_TEMPLATE = `{
  "Resources": {
    "Api": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "x" } }
  }
}
`;

function patchOf(text: string, spec: MergeSpec): string {
  const document = parseDocument(text, { version: "1.1", uniqueKeys: false });
  if (!isMap(document.contents)) throw new Error("not a mapping");
  const editor = new TemplateEditor(text);
  editor.merge(document.contents as YAMLMap, spec);
  return applyEdits(text, editor.result());
}

/** What the patch adds for a gateway response: hostile header names, values and response keys, in block and flow style. */
function specFor(names: (typeof samples)[number]): MergeSpec {
  const headers = { [names.headerName]: `'${names.headerValue}'`, "Access-Control-Allow-Origin": `'${names.stage}'` };
  return {
    Resources: {
      Api: {
        Properties: {
          GatewayResponses: {
            DEFAULT_5XX: { ResponseParameters: { Headers: headers } },
            [names.apiName]: { ResponseParameters: { Headers: headers } },
          },
        },
      },
    },
  };
}

afterAll(() => removeScratchDirs(MARKER));

describe("template patches with hostile values", () => {
  it("YAML and JSON templates: patched files parse, PyYAML reads what the yaml package reads, the values unchanged", () => {
    const patched = samples.flatMap((names) => [patchOf(YAML_TEMPLATE, specFor(names)), patchOf(JSON_TEMPLATE, specFor(names))]);
    const ours = patched.map(
      (text) => parseCfnYaml(text) as { Resources: { Api: { Properties: { GatewayResponses: Record<string, unknown> } } } },
    );
    samples.forEach((names, index) => {
      for (const document of [ours[2 * index], ours[2 * index + 1]]) {
        const responses = document?.Resources.Api.Properties.GatewayResponses ?? {};
        const headers = { [names.headerName]: `'${names.headerValue}'`, "Access-Control-Allow-Origin": `'${names.stage}'` };
        expect(responses[names.apiName]).toEqual({ ResponseParameters: { Headers: headers } });
        expect((responses.DEFAULT_5XX as { ResponseParameters: unknown }).ResponseParameters).toEqual({ Headers: headers });
      }
      expect(JSON.parse(patched[2 * index + 1] as string)).toEqual(ours[2 * index + 1]);
    });
    for (const text of patched) expect(text).not.toMatch(/[\u2028\u2029\u0085\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const dir = scratchDir("hostile-patch");
    const python = runTool(
      "python3",
      [
        "-c",
        [
          "import json, sys, yaml",
          "class L(yaml.SafeLoader): pass",
          "L.add_multi_constructor('!', lambda loader, suffix, node: {suffix: loader.construct_scalar(node)})",
          "print(json.dumps([yaml.load(d, Loader=L) for d in json.loads(sys.stdin.read())]))",
        ].join("\n"),
      ],
      { cwd: dir, input: JSON.stringify(patched) },
    );
    expect(python.stderr).toBe("");
    const theirs = JSON.parse(python.stdout) as Array<{ Resources: unknown }>;
    // The YAML template's !Ref is read as {Ref: …} by both; compare the parts the patch wrote.
    theirs.forEach((document, index) => expect(document.Resources).toEqual(JSON.parse(JSON.stringify(ours[index]?.Resources))));
  });

  it("Terraform: new gateway responses with hostile headers parse with HashiCorp's parser and keep the values", async () => {
    const main = `resource "aws_api_gateway_rest_api" "api" {\n  name = "x"\n}\n`;
    const source: TemplateSource = {
      kind: "template",
      format: "terraform",
      files: ["main.tf"],
      apiName: "aws_api_gateway_rest_api.api",
      locations: { api: { file: "main.tf", line: 1, column: 1 } },
    };
    for (const names of samples) {
      const outcome = terraformChangeFor(
        source,
        {
          kind: "add-gateway-response-cors",
          responseType: "DEFAULT_4XX",
          allowOrigin: names.headerValue,
          allowHeaders: [names.headerName],
          existingResponseParameters: { [`gatewayresponse.header.${names.stage}`]: `'${names.apiName.replace(/'/g, "")}'` },
        },
        (path) => (path === "main.tf" ? main : undefined),
        new Set(),
      );
      const out = applyEdits(
        main,
        outcome.edits.map((entry) => entry.edit).sort((a, b) => a.start - b.start),
      );
      expect(out).not.toBe(main);
      const hcl = (await parseHcl("main.tf", out)) as {
        resource: { aws_api_gateway_gateway_response: Record<string, Array<{ response_parameters: Record<string, string> }>> };
      };
      const asTerraformJson = (text: string) =>
        text
          .normalize("NFC")
          .replace(/\$\{/g, () => "$${")
          .replace(/%\{/g, () => "%%{");
      const parameters = Object.values(hcl.resource.aws_api_gateway_gateway_response)[0]?.[0]?.response_parameters ?? {};
      expect(parameters[asTerraformJson("gatewayresponse.header.Access-Control-Allow-Origin")]).toBe(
        asTerraformJson(`'${names.headerValue}'`),
      );
      expect(Object.values(parameters)).toContain(asTerraformJson(`'${names.headerName}'`));
    }
  });

  it("Terraform: a proxied preflight made MOCK with hostile CORS values parses with HashiCorp's parser and keeps them", async () => {
    const main = `resource "aws_api_gateway_method" "o" {
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "o" {
  http_method = aws_api_gateway_method.o.http_method
  type        = "HTTP_PROXY"
  uri         = "https://backend.example.com"
}
`;
    for (const names of samples) {
      const source: TemplateSource = {
        kind: "template",
        format: "terraform",
        files: ["main.tf"],
        apiName: "aws_api_gateway_rest_api.api",
        locations: { [`method ${names.path} OPTIONS`]: { file: "main.tf", line: 1, column: 1 } },
      };
      const outcome = terraformChangeFor(
        source,
        {
          kind: "replace-preflight-integration-with-mock",
          resourceId: "r",
          path: names.path,
          allowOrigin: names.headerValue,
          allowMethods: ["GET", names.stage],
          allowHeaders: [names.headerName],
        },
        (path) => (path === "main.tf" ? main : undefined),
        new Set(),
      );
      expect(outcome.note).toBeUndefined();
      const out = applyEdits(
        main,
        outcome.edits.map((entry) => entry.edit).sort((a, b) => a.start - b.start),
      );
      const hcl = (await parseHcl("main.tf", out)) as {
        resource: Record<string, Record<string, Array<{ type?: string; response_parameters?: Record<string, string> }>>>;
      };
      const asTerraformJson = (text: string) =>
        text
          .normalize("NFC")
          .replace(/\$\{/g, () => "$${")
          .replace(/%\{/g, () => "%%{");
      expect(hcl.resource.aws_api_gateway_integration?.o?.[0]?.type).toBe("MOCK");
      const mapped = Object.values(hcl.resource.aws_api_gateway_integration_response ?? {})[0]?.[0]?.response_parameters ?? {};
      expect(mapped).toEqual({
        [asTerraformJson("method.response.header.Access-Control-Allow-Origin")]: asTerraformJson(`'${names.headerValue}'`),
        [asTerraformJson("method.response.header.Access-Control-Allow-Methods")]: asTerraformJson(`'GET,${names.stage}'`),
        [asTerraformJson("method.response.header.Access-Control-Allow-Headers")]: asTerraformJson(`'${names.headerName}'`),
      });
    }
  });
});
