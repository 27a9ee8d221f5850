import { describe, expect, it } from "vitest";
import { LOGICAL_ID_TAG, STACK_NAME_TAG, stackOriginOf } from "@/lib/model/stack-origin";
import { normalizeApi } from "@/lib/model/normalize";

describe("stackOriginOf", () => {
  it("takes both CloudFormation tags", () => {
    expect(stackOriginOf({ [STACK_NAME_TAG]: "storefront-api", [LOGICAL_ID_TAG]: "StorefrontApi", team: "web" })).toEqual({
      stackName: "storefront-api",
      logicalId: "StorefrontApi",
    });
  });

  it("needs both tags", () => {
    expect(stackOriginOf({ [STACK_NAME_TAG]: "storefront-api" })).toBeUndefined();
    expect(stackOriginOf({ [LOGICAL_ID_TAG]: "StorefrontApi" })).toBeUndefined();
    expect(stackOriginOf(undefined)).toBeUndefined();
  });

  it("refuses values CloudFormation cannot have written (hostile endpoint)", () => {
    for (const [stackName, logicalId] of [
      ["<script>alert(1)</script>", "Api"],
      ["stack", "Api`rm -rf`"],
      ["1starts-with-digit", "Api"],
      ["s".repeat(129), "Api"],
      ["stack", "A".repeat(256)],
      ["stack|x", "Api"],
    ])
      expect(stackOriginOf({ [STACK_NAME_TAG]: stackName as string, [LOGICAL_ID_TAG]: logicalId as string }), stackName).toBeUndefined();
  });

  it("normalize puts it on the API identity, and only it (other tags stay out of the model)", () => {
    const { model } = normalizeApi({
      region: "us-east-1",
      restApi: { id: "a1", name: "n", tags: { [STACK_NAME_TAG]: "shop", [LOGICAL_ID_TAG]: "ShopApi", owner: "jane@example.com" } },
      deployments: {},
      missing: [],
    });
    expect(model.api.stack).toEqual({ stackName: "shop", logicalId: "ShopApi" });
    expect(JSON.stringify(model)).not.toContain("jane@example.com");
  });
});
