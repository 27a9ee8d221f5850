import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type EvalScope } from "./evaluate";
import { loadHclParser, type HclParser } from "./hcl-parser";
import { isTerraformConfigurationFile } from "./detect";
import { TfRef, TfUnknown, toJson, type TfValue } from "./values";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

const scope: EvalScope = {
  variable: (name, notes) => {
    notes.push(`var.${name}`);
    return name === "env" ? "prod" : new TfUnknown(`var.${name} has no default`, `\${var.${name}}`);
  },
  local: (name) => (name === "codes" ? ["200", "404"] : new TfUnknown(`local.${name} is not defined`, `\${local.${name}}`)),
  resource: (type, name, key, attribute) =>
    new TfRef(`${type}.${name}${key === undefined ? "" : `[${JSON.stringify(key)}]`}`, attribute ?? ""),
  readFile: (path) => (path === "api.json" ? '{"openapi":"3.0.1"}' : new TfUnknown(`file("${path}") could not be read`, "")),
};

function run(expression: string): { value: TfValue; notes: string[] } {
  const parsed = parser.parse("e.tf", `x = ${expression}\n`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const notes: string[] = [];
  return { value: evaluate(parsed.body.attributes[0]!.expr, scope, notes), notes };
}

const json = (expression: string) => toJson(run(expression).value);

describe("static evaluation", () => {
  it("evaluates templates, collections, operators, conditionals and the functions API definitions use", () => {
    expect(json('"api-${var.env}"')).toBe("api-prod");
    expect(run('"api-${var.env}"').notes).toEqual(["var.env"]);
    expect(json('length(local.codes) > 1 ? "many" : "one"')).toBe("many");
    expect(json('lookup({ a = 1 }, "b", 2) + 1')).toBe(3);
    expect(json("merge({ a = 1 }, { b = [true, null] })")).toEqual({ a: 1, b: [true, null] });
    expect(json('join(",", concat(["a"], local.codes))')).toBe("a,200,404");
    expect(json('toset(["x", "x", "y"])')).toEqual(["x", "y"]);
    expect(json('jsonencode({ paths = { "/a" = {} } })')).toBe('{"paths":{"/a":{}}}');
    expect(json('file("api.json")')).toBe('{"openapi":"3.0.1"}');
    expect(json('upper(coalesce("", "get"))')).toBe("GET");
    expect(json("!false && 2 * 3 == 6")).toBe(true);
  });

  it("keeps references as references and says why anything else is unknown", () => {
    expect(run("aws_api_gateway_rest_api.a.id").value).toEqual(new TfRef("aws_api_gateway_rest_api.a", "id"));
    expect(run('aws_api_gateway_method.m["k"].http_method').value).toEqual(new TfRef('aws_api_gateway_method.m["k"]', "http_method"));
    const conditional = run('var.flag ? "CUSTOM" : "NONE"').value;
    expect(conditional).toBeInstanceOf(TfUnknown);
    expect((conditional as TfUnknown).reason).toBe("it depends on the condition var.flag, which could not be resolved statically");
    expect(run('var.flag ? "NONE" : "NONE"').value).toBe("NONE");
    expect((run("[for c in local.codes : c]").value as TfUnknown).reason).toBe("a for expression is not evaluated statically");
    expect((run('templatefile("a.tpl", {})').value as TfUnknown).reason).toBe("the function templatefile() is not evaluated statically");
    const partial = run("jsonencode({ uri = aws_lambda_function.f.invoke_arn })").value as TfUnknown;
    expect(partial.text).toBe('{"uri":"${aws_lambda_function.f.invoke_arn}"}');
    expect(json('"${var.missing}-x"')).toBe("${var.missing}-x");
  });

  it("detects Terraform configuration files by name", () => {
    expect(["main.tf", "a/B.TF", "gen.tf.json"].map(isTerraformConfigurationFile)).toEqual([true, true, true]);
    expect(["main.tfvars", "plan.json", "tf"].map(isTerraformConfigurationFile)).toEqual([false, false, false]);
  });
});
