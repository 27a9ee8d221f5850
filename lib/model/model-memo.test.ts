import { describe, expect, it } from "vitest";
import { dropModelMemos, ModelMemo } from "@/lib/model/model-memo";
import { normalizeApi } from "@/lib/model/normalize";
import { resourceAt } from "@/lib/model/model-index";

describe("model memos", () => {
  it("answer what was set for a key until the memos are dropped, then nothing", () => {
    const memo = new ModelMemo<object, number>();
    const key = {};
    memo.set(key, 1);
    expect(memo.get(key)).toBe(1);
    expect(memo.get({})).toBeUndefined();
    dropModelMemos();
    expect(memo.get(key)).toBeUndefined();
    memo.set(key, 2);
    expect(memo.get(key)).toBe(2);
  });

  it("leave lookups answering as before once dropped: what was derived is derived again", () => {
    const { model } = normalizeApi({
      region: "us-east-1",
      restApi: { id: "api1", name: "shop" },
      resources: [
        { id: "r1", path: "/" },
        { id: "r2", parentId: "r1", path: "/a", pathPart: "a", resourceMethods: { GET: {} } },
      ],
      authorizers: [],
      stages: [],
      gatewayResponses: [],
      deployments: {},
      missing: [],
    });
    const before = resourceAt(model, "/a");
    dropModelMemos();
    expect(resourceAt(model, "/a")).toBe(before);
    expect(resourceAt(model, "/b")).toBeUndefined();
  });
});
