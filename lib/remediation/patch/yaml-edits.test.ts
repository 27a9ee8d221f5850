import { describe, expect, it } from "vitest";
import { isMap, parseDocument, type YAMLMap } from "yaml";
import { applyEdits, DELETE, EditRefused, InSeq, Replace, TemplateEditor, type MergeSpec } from "@/lib/remediation/patch/yaml-edits";

function edit(text: string, spec: MergeSpec): string {
  const document = parseDocument(text, { version: "1.1", uniqueKeys: false });
  if (!isMap(document.contents)) throw new Error("not a mapping");
  const editor = new TemplateEditor(text);
  editor.merge(document.contents as YAMLMap, spec);
  const out = applyEdits(text, editor.result());
  // Whatever was written parses again.
  expect(parseDocument(out, { version: "1.1", uniqueKeys: false }).errors).toEqual([]);
  return out;
}

const SAM = `# leading comment
Resources:
  MyApi:   # the API
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
      Cors: 'origins'   # kept quoting elsewhere
      Auth:
        DefaultAuthorizer: A
`;

describe("TemplateEditor (block YAML)", () => {
  it("adds a nested key under an existing mapping and leaves every other byte as written", () => {
    const out = edit(SAM, { Resources: { MyApi: { Properties: { Auth: { AddDefaultAuthorizerToCorsPreflight: false } } } } });
    expect(out).toBe(`${SAM}        AddDefaultAuthorizerToCorsPreflight: false\n`);
  });

  it("creates missing mappings with the file's indentation", () => {
    const out = edit(SAM, {
      Resources: {
        MyApi: {
          Properties: { GatewayResponses: { DEFAULT_4XX: { ResponseParameters: { Headers: { "Access-Control-Allow-Origin": "'*'" } } } } },
        },
      },
    });
    expect(out).toBe(
      `${SAM}      GatewayResponses:\n        DEFAULT_4XX:\n          ResponseParameters:\n            Headers:\n              Access-Control-Allow-Origin: "'*'"\n`,
    );
  });

  it("replaces a scalar with a mapping, keeping the key and the lines around it", () => {
    const out = edit(SAM, { Resources: { MyApi: { Properties: { Cors: new Replace({ AllowOrigin: "'*'" }) } } } });
    expect(out).toBe(SAM.replace("      Cors: 'origins'   # kept quoting elsewhere\n", "      Cors:\n        AllowOrigin: \"'*'\"\n"));
  });

  it("sets a scalar in place and deletes a key with its line", () => {
    const out = edit(SAM, { Resources: { MyApi: { Properties: { Auth: { DefaultAuthorizer: "B" } } } } });
    expect(out).toBe(SAM.replace("DefaultAuthorizer: A", "DefaultAuthorizer: B"));
    const deleted = edit(SAM, { Resources: { MyApi: { Properties: { Auth: { DefaultAuthorizer: DELETE, X: 1 } } } } });
    expect(deleted).toBe(SAM.replace("        DefaultAuthorizer: A\n", "") + "        X: 1\n");
  });

  it("rewrites a tagged value as a whole pair (the tag is part of the value)", () => {
    const out = edit(SAM, { Resources: { MyApi: { Properties: { StageName: "Prod" } } } });
    expect(out).toBe(SAM.replace("StageName: !Ref Stage\n", "StageName: Prod\n"));
  });

  it("writes hostile names as one quoted scalar", () => {
    const hostile = "x: y\n# z: 'q\"";
    const out = edit(SAM, { Resources: { MyApi: { Properties: { [hostile]: hostile } } } });
    const parsed = parseDocument(out).toJS() as { Resources: { MyApi: { Properties: Record<string, unknown> } } };
    expect(parsed.Resources.MyApi.Properties[hostile]).toBe(hostile);
    expect(Object.keys(parsed.Resources.MyApi.Properties)).toEqual(["StageName", "Cors", "Auth", hostile]);
  });

  it("keeps CRLF line endings", () => {
    const crlf = SAM.replaceAll("\n", "\r\n");
    const out = edit(crlf, { Resources: { MyApi: { Properties: { Auth: { Z: true } } } } });
    expect(out).toBe(`${crlf}        Z: true\r\n`);
  });

  it("merges into the list item with the same StatusCode, or appends one", () => {
    const text = "M:\n  R:\n    - StatusCode: 200\n      P:\n        a: true\n";
    expect(edit(text, { M: { R: [new InSeq("StatusCode", "200", { P: { b: true } })] } })).toBe(`${text}        b: true\n`);
    expect(edit(text, { M: { R: [new InSeq("StatusCode", "404", { P: { b: true } })] } })).toBe(
      `${text}    - StatusCode: "404"\n      P:\n        b: true\n`,
    );
  });

  it("refuses to delete a key that shares its line with a list marker", () => {
    const text = "L:\n  - a: 1\n    b: 2\n";
    const document = parseDocument(text);
    const editor = new TemplateEditor(text);
    const item = (document.contents as YAMLMap).get("L") as { items: YAMLMap[] };
    expect(() => editor.merge(item.items[0] as YAMLMap, { a: DELETE })).toThrow(EditRefused);
  });
});

describe("TemplateEditor (JSON)", () => {
  const JSON_TEXT =
    '{\n  "Resources": {\n    "M": {\n      "Properties": {\n        "AuthorizationType": "CUSTOM",\n        "AuthorizerId": {\n          "Ref": "A"\n        },\n        "HttpMethod": "OPTIONS"\n      }\n    }\n  }\n}\n';

  it("sets, deletes and adds keys as JSON with the file's indentation", () => {
    const out = edit(JSON_TEXT, {
      Resources: { M: { Properties: { AuthorizationType: "NONE", AuthorizerId: DELETE, ApiKeyRequired: false } } },
    });
    expect(out).toBe(
      '{\n  "Resources": {\n    "M": {\n      "Properties": {\n        "AuthorizationType": "NONE",\n        "HttpMethod": "OPTIONS",\n        "ApiKeyRequired": false\n      }\n    }\n  }\n}\n',
    );
    expect(JSON.parse(out)).toEqual({
      Resources: { M: { Properties: { AuthorizationType: "NONE", HttpMethod: "OPTIONS", ApiKeyRequired: false } } },
    });
  });

  it("adds a nested object indented like its neighbours", () => {
    const out = edit(JSON_TEXT, { Resources: { N: new Replace({ Type: "T", Properties: { 'a"b': ["x"] } }) } });
    expect(JSON.parse(out).Resources.N).toEqual({ Type: "T", Properties: { 'a"b': ["x"] } });
    expect(out).toContain(
      '\n    "N": {\n      "Type": "T",\n      "Properties": {\n        "a\\"b": [\n          "x"\n        ]\n      }\n    }\n  }\n}\n',
    );
  });

  it("replaces a list with an empty one", () => {
    const text = '{"p": {"security": [{"a": []}], "x": 1}}';
    expect(edit(text, { p: { security: new Replace([]) } })).toBe('{"p": {"security": [], "x": 1}}');
  });
});
