import { describe, expect, it } from "vitest";
import { parseTemplateDocument } from "@/lib/templates/document";
import { copyResolved, IntrinsicResolver, templateSections } from "@/lib/templates/cloudformation/intrinsics";
import { exploreVariants } from "@/lib/templates/cloudformation/variants";

const TEMPLATE = `
Parameters:
  Stage: { Type: String, Default: prod }
  Domain: { Type: String }
  Origins: { Type: CommaDelimitedList, Default: "https://a.example, https://b.example" }
Mappings:
  Env:
    prod: { Ttl: 60 }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  Always: !Equals [a, a]
  Never: !Not [!Condition Always]
  Mixed: !And [!Condition Never, !Condition IsProd]
  LoopA: !Not [!Condition LoopB]
  LoopB: !Not [!Condition LoopA]
  FromMap: !Equals [!FindInMap [Env, prod, Ttl], 60]
Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  Fn: { Type: AWS::Lambda::Function }
  SamFn: { Type: AWS::Serverless::Function }
  Pool: { Type: AWS::Cognito::UserPool }
  Table: { Type: AWS::DynamoDB::Table }
`;

function resolverFor(assumptions: Record<string, boolean> = {}, region = "eu-west-1") {
  const parsed = parseTemplateDocument("t.yaml", TEMPLATE);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return new IntrinsicResolver(templateSections(parsed.document.value), { region, assumptions, document: parsed.document });
}

describe("IntrinsicResolver: Ref", () => {
  it("gives a parameter's Default, a placeholder without one, and splits list parameters", () => {
    const r = resolverFor();
    expect(r.resolve({ Ref: "Stage" })).toBe("prod");
    expect(r.resolve({ Ref: "Domain" })).toBe("${Domain}");
    expect(r.resolve({ Ref: "Origins" })).toEqual(["https://a.example", "https://b.example"]);
    expect(r.gaps).toEqual([]);
  });

  it("gives a resource's logical id as its placeholder physical id", () => {
    expect(resolverFor().resolve({ Ref: "Api" })).toBe("Api");
  });

  it("resolves pseudo parameters from the region, with readable placeholders for the rest", () => {
    const r = resolverFor({}, "cn-north-1");
    expect(r.resolve({ Ref: "AWS::Region" })).toBe("cn-north-1");
    expect(r.resolve({ Ref: "AWS::Partition" })).toBe("aws-cn");
    expect(r.resolve({ Ref: "AWS::URLSuffix" })).toBe("amazonaws.com.cn");
    expect(r.resolve({ Ref: "AWS::AccountId" })).toBe("${AWS::AccountId}");
    expect(r.resolve({ Ref: "AWS::StackName" })).toBe("${AWS::StackName}");
  });

  it("removes properties and list items that are AWS::NoValue", () => {
    const r = resolverFor();
    expect(r.resolve({ A: 1, B: { Ref: "AWS::NoValue" }, C: [1, { Ref: "AWS::NoValue" }, 3] })).toEqual({ A: 1, C: [1, 3] });
    expect(r.resolve({ Ref: "AWS::NoValue" })).toBeUndefined();
  });

  it("makes a Ref to nothing a gap with the position of the Ref", () => {
    const parsed = parseTemplateDocument(
      "t.yaml",
      "Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Nowhere\n",
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const r = new IntrinsicResolver(templateSections(parsed.document.value), { region: "us-east-1", document: parsed.document });
    expect(r.resolve(parsed.document.value, [])).toEqual({ Resources: { M: { Type: "AWS::ApiGateway::Method", Properties: {} } } });
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]?.message).toContain('"Nowhere"');
    expect(r.gaps[0]?.position).toMatchObject({ file: "t.yaml", line: 5 });
  });
});

describe("IntrinsicResolver: Fn::GetAtt", () => {
  it("keeps ARN structure for functions (plain and SAM), pools and tables, and a placeholder for the root resource", () => {
    const r = resolverFor();
    expect(r.resolve({ "Fn::GetAtt": ["Fn", "Arn"] })).toBe("arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn");
    expect(r.resolve({ "Fn::GetAtt": "SamFn.Arn" })).toBe("arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:SamFn");
    expect(r.resolve({ "Fn::GetAtt": ["Pool", "Arn"] })).toBe("arn:aws:cognito-idp:eu-west-1:${AWS::AccountId}:userpool/Pool");
    expect(r.resolve({ "Fn::GetAtt": ["Table", "Arn"] })).toBe("arn:aws:dynamodb:eu-west-1:${AWS::AccountId}:table/Table");
    expect(r.resolve({ "Fn::GetAtt": ["Api", "RootResourceId"] })).toBe("${Api.RootResourceId}");
    expect(r.resolve({ "Fn::GetAtt": ["Api", "RestApiId"] })).toBe("Api");
    expect(r.resolve({ "Fn::GetAtt": ["Fn", { Ref: "AWS::NoValue" }] })).toBeUndefined();
    expect(r.gaps.map((g) => g.message)).toEqual(["Fn::GetAtt needs [LogicalId, Attribute]"]);
  });

  it("resolves resources the caller declares (SAM's generated resources)", () => {
    const r = new IntrinsicResolver(templateSections({}), {
      region: "us-east-1",
      extraResources: { ServerlessRestApi: "AWS::ApiGateway::RestApi" },
    });
    expect(r.resolve({ "Fn::GetAtt": ["ServerlessRestApi", "RootResourceId"] })).toBe("${ServerlessRestApi.RootResourceId}");
    expect(r.resolve({ Ref: "ServerlessRestApi" })).toBe("ServerlessRestApi");
    expect(r.resolve({ "Fn::GetAtt": ["Missing", "Arn"] })).toBeUndefined();
    expect(r.gaps).toHaveLength(1);
  });
});

describe("IntrinsicResolver: strings and lists", () => {
  it("substitutes Fn::Sub in both forms, with ${!Literal} escapes and GetAtt names", () => {
    const r = resolverFor();
    expect(r.resolve({ "Fn::Sub": "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/${Stage}/GET/" })).toBe(
      "arn:aws:execute-api:eu-west-1:${AWS::AccountId}:Api/prod/GET/",
    );
    expect(r.resolve({ "Fn::Sub": "${Fn.Arn} ${!Literal}" })).toBe("arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn ${Literal}");
    expect(r.resolve({ "Fn::Sub": ["https://${Host}/${Stage}", { Host: { "Fn::Join": [".", ["api", "example", "com"]] } }] })).toBe(
      "https://api.example.com/prod",
    );
    expect(r.gaps).toEqual([]);
    expect(r.resolve({ "Fn::Sub": "${Unknown}" })).toBe("${Unknown}");
    expect(r.gaps).toHaveLength(1);
  });

  it("resolves Join, Select, Split and FindInMap, nested", () => {
    const r = resolverFor();
    const uri = {
      "Fn::Join": [
        "",
        [
          "arn:aws:apigateway:",
          { Ref: "AWS::Region" },
          ":lambda:path/2015-03-31/functions/",
          { "Fn::GetAtt": ["Fn", "Arn"] },
          "/invocations",
        ],
      ],
    };
    expect(r.resolve(uri)).toBe(
      "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn/invocations",
    );
    expect(r.resolve({ "Fn::Select": ["1", { "Fn::Split": [",", "a,b,c"] }] })).toBe("b");
    expect(r.resolve({ "Fn::Select": [1, { Ref: "Origins" }] })).toBe("https://b.example");
    expect(r.resolve({ "Fn::FindInMap": ["Env", { Ref: "Stage" }, "Ttl"] })).toBe(60);
    expect(r.resolve({ "Fn::FindInMap": ["Env", "dev", "Ttl", { DefaultValue: 5 }] })).toBe(5);
    expect(r.gaps).toEqual([]);
    expect(r.resolve({ "Fn::Select": [9, ["a"]] })).toBeUndefined();
    expect(r.resolve({ "Fn::FindInMap": ["Env", "dev", "Ttl"] })).toBeUndefined();
    expect(r.gaps).toHaveLength(2);
  });

  it("turns unknown or unsupported intrinsics into gaps, never a throw", () => {
    const r = resolverFor();
    expect(r.resolve({ A: { "Fn::Bogus": 1 }, B: { "Fn::GetAZs": "" }, C: { "Fn::ImportValue": "Shared-AuthArn" } })).toEqual({
      A: undefined,
      B: undefined,
      C: "${ImportValue:Shared-AuthArn}",
    });
    expect(r.gaps.map((g) => g.message)).toEqual([
      "Fn::Bogus is not supported here (its value is left unknown)",
      "Fn::GetAZs is not supported here (its value is left unknown)",
    ]);
  });

  it("stops on hostile nesting at its depth bound", () => {
    let value: unknown = "x";
    for (let i = 0; i < 10_000; i++) value = { "Fn::Select": [0, [value]] };
    const r = resolverFor();
    expect(r.resolve(value, ["Resources"])).toBeUndefined();
    expect(r.gaps[0]?.message).toMatch(/left unresolved/);
  });

  it("clips names from the template in gap messages", () => {
    const r = resolverFor();
    expect(r.resolve({ Ref: "x".repeat(100_000) })).toBeUndefined();
    expect(r.gaps[0]?.message.length).toBeLessThanOrEqual(501);
  });

  it("keeps __proto__ keys as own data", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const out = resolverFor().resolve(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("IntrinsicResolver: resolveShared (copy-on-write)", () => {
  const body = () => ({
    openapi: "3.0.1",
    info: { title: { Ref: "Stage" }, version: "1" },
    paths: {
      "/a": { get: { responses: { "200": { description: "ok" } } } },
      "/b": { get: { parameters: [{ name: "x", in: "query" }, { Ref: "AWS::NoValue" }, "plain"] } },
      "/c": { "Fn::If": ["IsProd", { get: { operationId: "prod" } }, { get: { operationId: "dev" } }] },
    },
  });

  it("gives the same value, gaps and unassigned conditions as resolve", () => {
    const copying = resolverFor();
    const sharing = resolverFor();
    const input = { ...body(), extra: { Ref: "Missing" }, flag: { "Fn::If": ["Unknown", 1, 2] } };
    expect(sharing.resolveShared(input, ["Body"])).toEqual(copying.resolve(input, ["Body"]));
    expect(sharing.gaps).toEqual(copying.gaps);
    expect(sharing.unassigned).toEqual(copying.unassigned);
  });

  it("returns untouched subtrees themselves and copies only the ancestors of what changed", () => {
    const input = body();
    const out = resolverFor().resolveShared(input) as ReturnType<typeof body>;
    expect(out).not.toBe(input);
    expect(out.paths["/a"]).toBe(input.paths["/a"]);
    expect(out.info).not.toBe(input.info);
    expect(out.info.title).toBe("prod");
    expect(out.paths["/b"].get.parameters).toEqual([{ name: "x", in: "query" }, "plain"]);
    expect(out.paths["/b"].get.parameters[0]).toBe(input.paths["/b"].get.parameters[0]);
    expect(out.paths["/c"]).toEqual({ get: { operationId: "prod" } });
    // The input is never edited.
    expect(input).toEqual(body());
    const plain = { a: [1, { b: 2 }] };
    expect(resolverFor().resolveShared(plain)).toBe(plain);
  });

  it("copyResolved makes an independent deep copy, __proto__ keys kept as own data", () => {
    const input = JSON.parse('{"a": [1, {"b": [2, null]}], "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const copy = copyResolved(input) as Record<string, unknown>;
    expect(copy).toEqual(input);
    expect(Object.keys(copy)).toEqual(["a", "__proto__"]);
    expect(copy.a).not.toBe(input.a);
    expect((copy.a as unknown[])[1]).not.toBe((input.a as unknown[])[1]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("IntrinsicResolver: conditions", () => {
  it("takes assumed values, and constant expressions as decided", () => {
    const r = resolverFor({ IsProd: false });
    expect(r.resolve({ "Fn::If": ["IsProd", "a", "b"] })).toBe("b");
    expect(r.resolve({ "Fn::If": ["Always", "a", "b"] })).toBe("a");
    expect(r.resolve({ "Fn::If": ["Never", "a", "b"] })).toBe("b");
    // And with a constant false operand is false whatever the free one is.
    expect(r.resolve({ "Fn::If": ["Mixed", "a", "b"] })).toBe("b");
    expect(r.resolve({ "Fn::If": ["FromMap", "a", "b"] })).toBe("a");
    expect(r.unassigned).toEqual([]);
  });

  it("treats a condition on a parameter as free even when the parameter has a Default", () => {
    const r = resolverFor();
    expect(r.resolve({ "Fn::If": ["IsProd", "a", "b"] })).toBe("a");
    expect(r.unassigned).toEqual(["IsProd"]);
    expect(r.effectiveAssumptions()).toEqual({ IsProd: true });
  });

  it("reports conditions that refer to each other in a cycle, and undefined conditions, as gaps", () => {
    const r = resolverFor();
    expect(r.resolve({ "Fn::If": ["LoopA", "a", "b"] })).toBe("a");
    expect(r.gaps.some((g) => g.message.includes("cycle"))).toBe(true);
    expect(r.resolve({ "Fn::If": ["Nope", "a", "b"] })).toBe("a");
    expect(r.gaps.some((g) => g.message.includes('"Nope" is not defined'))).toBe(true);
  });
});

describe("exploreVariants", () => {
  const evaluate = (value: unknown) => (assumptions: Readonly<Record<string, boolean>>) => {
    const r = resolverFor(assumptions);
    return { result: r.resolve(value), unassigned: r.unassigned };
  };

  it("gives one variant without assumptions when no condition is met", () => {
    expect(exploreVariants(evaluate({ "Fn::If": ["Always", 1, 2] }))).toEqual({
      variants: [{ assumptions: {}, result: 1 }],
      unexplored: [],
    });
  });

  it("splits on each condition met, nested ones only inside their branch", () => {
    const value = { "Fn::If": ["IsProd", { "Fn::If": ["LoopA", "p1", "p2"] }, "dev"] };
    const explored = exploreVariants(evaluate(value));
    expect(explored.variants).toEqual([
      { assumptions: { IsProd: false }, result: "dev" },
      { assumptions: { IsProd: true, LoopA: true }, result: "p1" },
      { assumptions: { IsProd: true, LoopA: false }, result: "p2" },
    ]);
  });

  it("stops splitting at the limit and names the conditions left unexplored", () => {
    const names = ["C1", "C2", "C3", "C4", "C5"];
    const evaluateMany = (assumptions: Readonly<Record<string, boolean>>) => ({
      result: names.map((n) => assumptions[n] ?? true),
      unassigned: names.filter((n) => !(n in assumptions)),
    });
    const explored = exploreVariants(evaluateMany, 8);
    expect(explored.variants).toHaveLength(8);
    expect(explored.unexplored).toEqual(["C4", "C5"]);
    expect(explored.variants.every((v) => Object.keys(v.assumptions).length === 5)).toBe(true);
  });
});
