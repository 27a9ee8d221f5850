import { describe, expect, it } from "vitest";
import { describeOverride, MAX_DIRECTIVES, readResponseOverrides } from "@/lib/model/response-overrides";

describe("readResponseOverrides", () => {
  it("reads a literal header set unconditionally", () => {
    const { headers } = readResponseOverrides(
      "#set($context.responseOverride.header.Access-Control-Allow-Origin = 'https://app.example.com')\n{}",
    );
    expect(headers).toEqual([
      { name: "Access-Control-Allow-Origin", value: { kind: "literal", value: "https://app.example.com" }, conditional: false },
    ]);
  });

  it("follows the common Origin/origin fallback into a conditional echo (CDK allowOrigins with several origins)", () => {
    const template = [
      '#set($origin = $input.params("Origin"))',
      '#if($origin == "") #set($origin = $input.params("origin")) #end',
      '#if($origin.matches("https://amazon.com") || $origin.matches("https://aws.amazon.com"))',
      "  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
      "#end",
    ].join("\n");
    const [header] = readResponseOverrides(template).headers;
    expect(header).toEqual({ name: "Access-Control-Allow-Origin", value: { kind: "echo-origin" }, conditional: true });
    expect(describeOverride(header!)).toBe("dynamic: echoes the request Origin (only when the template's condition holds)");
  });

  it("knows every documented accessor of the request's Origin header, quoted or not", () => {
    for (const accessor of [
      "$input.params('origin')",
      '$input.params().header.get("Origin")',
      "$input.params().get('header').get('Origin')",
      "\"$input.params('Origin')\"",
    ]) {
      const { headers } = readResponseOverrides(`#set($context.responseOverride.header.Access-Control-Allow-Origin = ${accessor})`);
      expect(headers[0]?.value, accessor).toEqual({ kind: "echo-origin" });
      expect(headers[0]?.conditional).toBe(false);
    }
  });

  it("reads header.put and says dynamic for what it cannot decide", () => {
    const { headers } = readResponseOverrides(
      [
        '$context.responseOverride.header.put("Access-Control-Allow-Methods", "GET,PUT")',
        "#set($context.responseOverride.header.Access-Control-Allow-Headers = $stageVariables.headers)",
        "#set($context.responseOverride.header.X-Other = $undefinedVariable)",
      ].join("\n"),
    );
    expect(headers.map((h) => [h.name, describeOverride(h)])).toEqual([
      ["Access-Control-Allow-Methods", "'GET,PUT'"],
      ["Access-Control-Allow-Headers", "dynamic: $stageVariables.headers"],
      ["X-Other", "dynamic: $undefinedVariable"],
    ]);
  });

  it("skips comments, a '# set' that is not a directive, and other request parameters", () => {
    const { headers } = readResponseOverrides(
      [
        "## #set($context.responseOverride.header.A = 'x')",
        "#* #set($context.responseOverride.header.B = 'x') *#",
        "# set($context.responseOverride.header.C = 'x')",
        "#set($context.responseOverride.header.D = $input.params('host'))",
      ].join("\n"),
    );
    expect(headers).toEqual([{ name: "D", value: { kind: "dynamic", expression: "$input.params('host')" }, conditional: false }]);
  });

  it("stays bounded on hostile input", () => {
    const many = "#set($a = 1)".repeat(MAX_DIRECTIVES + 10) + "#set($context.responseOverride.header.Late = 'x')";
    const read = readResponseOverrides(many);
    expect(read.truncated).toMatch(/directives/);
    expect(read.headers).toEqual([]);
    const unbalanced = readResponseOverrides("#set($context.responseOverride.header.A = ('x'");
    expect(unbalanced.headers).toEqual([]);
    const huge = readResponseOverrides("(".repeat(200_000));
    expect(huge.truncated).toMatch(/characters/);
    expect(readResponseOverrides("#set($context.responseOverride.header.__proto__ = 'x')").headers[0]?.name).toBe("__proto__");
  });
});
