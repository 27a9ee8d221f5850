import { describe, expect, it } from "vitest";
import { IacFrame } from "@/lib/remediation/formats/iac-frame";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";

describe("IacFrame", () => {
  it("folds the plan once and closes with the flush step, the notes and the deploy permissions last", () => {
    const { plan } = fixturePlan();
    const frame = new IacFrame(plan);
    expect(frame.redeploy).toEqual(["prod"]);
    expect(frame.flush).toEqual(["prod"]);
    expect(frame.state.methods.size).toBeGreaterThan(0);
    frame.permit("/gatewayresponses/DEFAULT_4XX", ["GET", "GET"]);
    frame.manual.push("a format-specific step");
    const { header, iam } = frame.finish({
      comment: "//",
      title: "Test format",
      intro: ["Merge this."],
      permissionsHeading: "IAM permissions:",
      manualHeading: "By hand:",
      deployCommand: "test deploy",
      deployPermissions: [{ action: "test:Deploy", resource: "*" }],
    });
    expect(header[0]).toBe(`// Preflight remediation for API Gateway REST API "storefront" (a1b2c3d4e5) in eu-west-1: Test format.`);
    expect(header.slice(1, 4)).toEqual(["// Merge this.", "//", "// IAM permissions:"]);
    // Deduplicated, the API's own permissions first, the deploy tool's last.
    expect(iam.filter((permission) => permission.action === "apigateway:GET")).toHaveLength(1);
    expect(iam.at(-1)).toEqual({ action: "test:Deploy", resource: "*" });
    const manual = header.slice(header.indexOf("// By hand:") + 1);
    expect(manual[0]).toBe("//   - a format-specific step");
    expect(manual[1]).toMatch(
      /^\/\/ {3}- After test deploy, flush cached authorizer policies: aws apigateway flush-stage-authorizers-cache .* --stage-name prod$/,
    );
    expect(manual.slice(2).every((line) => line.includes("Authorizer "))).toBe(true);
  });
});
