import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { TemplateSource } from "@/lib/audit/source";
import type { FixIntent } from "@/lib/remediation/intents";
import { hclIdentifier, offsetOf, scanBlock } from "@/lib/remediation/patch/hcl-text";
import { hclString } from "@/lib/remediation/formats/literals/hcl";
import { terraformChangeFor } from "@/lib/remediation/patch/terraform-fixes";
import { applyEdits } from "@/lib/remediation/patch/yaml-edits";

const MAIN = `# API
resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id   # the API
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "OPTIONS"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.a.id
  request_parameters = {
    "method.request.header.x" = "}{"   # braces in a string
  }
  description = <<EOT
  a heredoc with } and {
EOT
}

resource "aws_api_gateway_rest_api" "api" {
  name = "x"
}
`;

function source(locations: TemplateSource["locations"]): TemplateSource {
  return { kind: "template", format: "terraform", files: ["main.tf"], apiName: "aws_api_gateway_rest_api.api", locations };
}

describe("scanBlock", () => {
  it("finds the block's end past braces in strings and heredocs, and its top-level attributes", () => {
    const block = scanBlock(MAIN, offsetOf(MAIN, 2, 1) as number);
    expect(block).toBeDefined();
    expect(MAIN.slice(block?.close, (block?.close ?? 0) + 3)).toBe("}\n\n");
    expect(block?.attributes.map((a) => a.name)).toEqual([
      "rest_api_id",
      "resource_id",
      "http_method",
      "authorization",
      "authorizer_id",
      "request_parameters",
      "description",
    ]);
    expect(block?.attributes.find((a) => a.name === "request_parameters")?.value).toBe(
      '{\n    "method.request.header.x" = "}{"   # braces in a string\n  }',
    );
  });
});

describe("terraformChangeFor", () => {
  const read = (path: string) => (path === "main.tf" ? MAIN : undefined);
  const at = { file: "main.tf", line: 2, column: 1 };

  it("sets authorization NONE in place and drops authorizer_id, nothing else", () => {
    const outcome = terraformChangeFor(
      source({ "method /r OPTIONS": at }),
      { kind: "set-method-authorization", resourceId: "r", path: "/r", httpMethod: "OPTIONS", from: "CUSTOM", to: "NONE" },
      read,
      new Set(),
    );
    const out = applyEdits(
      MAIN,
      outcome.edits.map((e) => e.edit).sort((a, b) => a.start - b.start),
    );
    expect(out).toBe(
      MAIN.replace('  authorization = "CUSTOM"\n  authorizer_id = aws_api_gateway_authorizer.a.id\n', '  authorization = "NONE"\n'),
    );
  });

  it("adds api_key_required before the block's closing brace when it is not written", () => {
    const outcome = terraformChangeFor(
      source({ "method /r OPTIONS": at }),
      { kind: "set-method-api-key-required", resourceId: "r", path: "/r", httpMethod: "OPTIONS", value: false },
      read,
      new Set(),
    );
    const out = applyEdits(
      MAIN,
      outcome.edits.map((e) => e.edit),
    );
    expect(out).toBe(MAIN.replace("EOT\n}\n", "EOT\n  api_key_required = false\n}\n"));
  });

  it("writes a new gateway response whose values from the model stay string literals", () => {
    const hostile = '*"${file("/etc/passwd")}%{if}';
    const outcome = terraformChangeFor(
      source({ api: { file: "main.tf", line: 16, column: 1 } }),
      {
        kind: "add-gateway-response-cors",
        responseType: "DEFAULT_4XX",
        allowOrigin: hostile,
        allowHeaders: [],
        existingResponseParameters: {},
      },
      read,
      new Set(["cors_default_4xx"]),
    );
    const out = applyEdits(
      MAIN,
      outcome.edits.map((e) => e.edit),
    );
    expect(out.startsWith(MAIN)).toBe(true);
    expect(out.slice(MAIN.length)).toBe(
      `\nresource "aws_api_gateway_gateway_response" "cors_default_4xx_2" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  response_type = "DEFAULT_4XX"\n\n  response_parameters = {\n    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*\\"$\${file(\\"/etc/passwd\\")}%%{if}'"\n  }\n}\n`,
    );
  });

  it("refuses an API address it cannot reference", () => {
    const outcome = terraformChangeFor(
      { ...source({}), apiName: 'module.x["a"]' },
      {
        kind: "add-gateway-response-cors",
        responseType: "DEFAULT_4XX",
        allowOrigin: "*",
        allowHeaders: [],
        existingResponseParameters: {},
      },
      read,
      new Set(),
    );
    expect(outcome.edits).toEqual([]);
    expect(outcome.note).toMatch(/cannot be referenced/);
  });
});

describe("terraformChangeFor: preflight response headers", () => {
  const RESPONSES = `resource "aws_api_gateway_method" "o" {
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "o_200" {
  http_method = aws_api_gateway_method.o.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}

resource "aws_api_gateway_integration_response" "o_200" {
  http_method = aws_api_gateway_method.o.http_method # same method
  status_code = aws_api_gateway_method_response.o_200.status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://old.example'"
  }
}
`;
  it("replaces a mapped header's line and adds the missing ones in both response blocks", () => {
    const read = (path: string) => (path === "main.tf" ? RESPONSES : undefined);
    const outcome = terraformChangeFor(
      source({ "method /r OPTIONS": { file: "main.tf", line: 1, column: 1 } }),
      {
        kind: "set-preflight-headers",
        resourceId: "r",
        path: "/r",
        statusCode: "200",
        allowOrigin: "*",
        allowMethods: ["GET", "OPTIONS"],
        allowHeaders: [],
      },
      read,
      new Set(),
    );
    expect(outcome.note).toBeUndefined();
    const out = applyEdits(
      RESPONSES,
      outcome.edits.map((e) => e.edit).sort((a, b) => a.start - b.start),
    );
    expect(out).toBe(
      RESPONSES.replace(
        '    "method.response.header.Access-Control-Allow-Origin" = true\n',
        '    "method.response.header.Access-Control-Allow-Origin" = true\n    "method.response.header.Access-Control-Allow-Methods" = true\n',
      ).replace(
        `    "method.response.header.Access-Control-Allow-Origin" = "'https://old.example'"\n`,
        `    "method.response.header.Access-Control-Allow-Origin" = "'*'"\n    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"\n`,
      ),
    );
  });
});

describe("HCL literals", () => {
  it("escapes interpolation and directive openers", () => {
    expect(hclString("a${b}%{c}\n")).toBe('"a$${b}%%{c}\\n"');
    expect(hclIdentifier('9 bad"name')).toBe("_9_bad_name");
  });
});

// `terraform fmt` is the oracle for the layout of new blocks (it needs no provider or network).
const terraformFmt = (text: string) =>
  spawnSync("terraform", ["fmt", "-no-color", "-"], { input: text, encoding: "utf8", timeout: 30_000 });
const hasTerraform = terraformFmt("").status === 0;

describe.skipIf(!hasTerraform)("new blocks are as terraform fmt writes them", () => {
  const RESOURCE = 'resource "aws_api_gateway_resource" "r" {\n  path_part = "r"\n}\n';
  const read = (path: string) => (path === "main.tf" ? MAIN : path === "resource.tf" ? RESOURCE : undefined);
  it.each([
    {
      kind: "add-gateway-response-cors",
      responseType: "DEFAULT_4XX",
      allowOrigin: "*",
      allowHeaders: ["Content-Type"],
      allowMethods: ["GET"],
      existingResponseParameters: {},
      statusCode: "403",
    },
    {
      kind: "add-cors-preflight",
      resourceId: "r",
      path: "/r",
      allowOrigin: "*",
      allowMethods: ["GET", "OPTIONS"],
      allowHeaders: ["Authorization"],
      allowCredentials: true,
      maxAgeSeconds: 600,
    },
  ] satisfies FixIntent[])("$kind", (intent) => {
    const outcome = terraformChangeFor(
      source({ api: { file: "main.tf", line: 16, column: 1 }, "resource /r": { file: "resource.tf", line: 1, column: 1 } }),
      intent,
      read,
      new Set(),
    );
    const added = outcome.edits.map((e) => e.edit.text).join("");
    expect(added).toContain("resource ");
    expect(terraformFmt(added).stdout).toBe(added);
  });
});

const PROXIED = `resource "aws_api_gateway_method" "o" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "o" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = aws_api_gateway_method.o.http_method # the preflight
  type                    = "HTTP_PROXY"
  integration_http_method = "OPTIONS"
  uri                     = "https://backend.example.com/{proxy}"
  request_parameters = {
    "integration.request.path.proxy" = "method.request.path.proxy"
  }
  timeout_milliseconds = 29000
}
`;
const MOCK_INTENT = {
  kind: "replace-preflight-integration-with-mock",
  resourceId: "r",
  path: "/r",
  allowOrigin: "https://app.example.com",
  allowMethods: ["GET", "OPTIONS"],
  allowHeaders: ["Authorization"],
} satisfies FixIntent;

describe("terraformChangeFor: a proxied preflight made MOCK", () => {
  const readProxied = (path: string) => (path === "main.tf" ? PROXIED : undefined);
  const at = { "method /r OPTIONS": { file: "main.tf", line: 1, column: 1 } };

  it("edits the integration in place (the comment kept) and adds the two responses after the method", () => {
    const outcome = terraformChangeFor(source(at), MOCK_INTENT, readProxied, new Set());
    expect(outcome.note).toBeUndefined();
    const out = applyEdits(
      PROXIED,
      outcome.edits.map((e) => e.edit).sort((a, b) => a.start - b.start),
    );
    const integration = out.slice(out.indexOf('resource "aws_api_gateway_integration" "o"'));
    expect(integration).toBe(`resource "aws_api_gateway_integration" "o" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = aws_api_gateway_method.o.http_method # the preflight
  type                    = "MOCK"
  request_templates = {
    "application/json" = "{\\"statusCode\\": 200}"
  }
}
`);
    expect(out.startsWith(PROXIED.slice(0, PROXIED.indexOf("}\n") + 2))).toBe(true);
    expect(out).toContain('resource "aws_api_gateway_method_response" "o_200" {');
    expect(out).toContain(`"method.response.header.Access-Control-Allow-Origin"  = "'https://app.example.com'"`);
  });

  it("refuses a counted method and a tls_config it would have to drop, with a note", () => {
    const counted = PROXIED.replace('  http_method   = "OPTIONS"\n', '  count         = 2\n  http_method   = "OPTIONS"\n');
    const tls = PROXIED.replace("  timeout_milliseconds = 29000\n", "  tls_config {\n    insecure_skip_verification = true\n  }\n");
    for (const [text, why] of [
      [counted, /count or for_each/],
      [tls, /tls_config/],
    ] as const) {
      const outcome = terraformChangeFor(source(at), MOCK_INTENT, (path) => (path === "main.tf" ? text : undefined), new Set());
      expect(outcome.edits).toEqual([]);
      expect(outcome.note).toMatch(why);
    }
  });

  it.skipIf(!hasTerraform)("writes the new response blocks as terraform fmt does", () => {
    const outcome = terraformChangeFor(source(at), MOCK_INTENT, readProxied, new Set());
    const added = outcome.edits.map((e) => e.edit.text).filter((text) => text.includes("resource "));
    expect(added).toHaveLength(1);
    expect(terraformFmt(added[0] as string).stdout).toBe(added[0]);
  });
});
