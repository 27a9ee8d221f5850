import { describe, expect, it } from "vitest";
import { CfnIntrinsic, parseCfnYaml, toCfnYaml } from "@/lib/remediation/cfn-yaml";
import { parseTemplateDocument } from "@/lib/templates/document";

describe("parseCfnYaml", () => {
  it("reads every short form the template readers read, Length and ToJsonString included", () => {
    const text = ["A: !Length [1, 2]", "B: !ToJsonString { k: v }", "C: !GetAtt Db.Endpoint.Address", "D: !Ref Api", ""].join("\n");
    expect(parseCfnYaml(text)).toEqual({
      A: { "Fn::Length": [1, 2] },
      B: { "Fn::ToJsonString": { k: "v" } },
      // An attribute name may itself hold dots: only the first one splits (as CloudFormation reads !GetAtt).
      C: { "Fn::GetAtt": ["Db", "Endpoint.Address"] },
      D: { Ref: "Api" },
    });
  });

  it("agrees with the template reader on a written patch", () => {
    const written = toCfnYaml({ Value: new CfnIntrinsic("GetAtt", "Fn.Arn"), Other: new CfnIntrinsic("Sub", "${AWS::Region}") });
    const read = parseTemplateDocument("patch.yaml", written);
    expect(read.ok && read.document.value).toEqual(parseCfnYaml(written));
  });

  it("refuses an unknown tag", () => {
    expect(() => parseCfnYaml("A: !Bogus x\n")).toThrow();
  });
});
