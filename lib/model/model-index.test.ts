import { describe, expect, it } from "vitest";
import { authorizerWithId, methodAt, resourceAt, resourceWithId } from "@/lib/model/model-index";
import type { ApiModel, AuthorizerModel, ResourceModel } from "@/lib/model/types";

function resource(id: string, path: string, verbs: string[] = []): ResourceModel {
  return {
    id,
    path,
    pathPart: path.split("/").pop() ?? "",
    methods: verbs.map((httpMethod) => ({ httpMethod, path, resourceId: id }) as unknown as ResourceModel["methods"][number]),
  };
}

describe("model index: the answers of the scans it replaces", () => {
  const resources = [resource("r1", "/a", ["GET"]), resource("r2", "/b", ["OPTIONS"]), resource("r3", "/a", ["POST"])];
  const model = { resources } as Pick<ApiModel, "resources">;

  it("finds by path and id as Array.find does: the first of duplicates", () => {
    for (const path of ["/a", "/b", "/none"]) expect(resourceAt(model, path)).toBe(resources.find((r) => r.path === path));
    for (const id of ["r1", "r3", "nope"]) expect(resourceWithId(model, id)).toBe(resources.find((r) => r.id === id));
    expect(methodAt(model, "/a", "GET")?.resourceId).toBe("r1");
    expect(methodAt(model, "/a", "POST")).toBeUndefined(); // the scan stops at the first /a too
  });

  it("rebuilds when the list grew after it was indexed", () => {
    const list = [resource("r1", "/a")];
    const grown = { resources: list } as Pick<ApiModel, "resources">;
    expect(resourceAt(grown, "/c")).toBeUndefined();
    list.push(resource("r9", "/c"));
    expect(resourceAt(grown, "/c")?.id).toBe("r9");
  });

  it("finds authorizers by id", () => {
    const authorizers = [
      { id: "x", name: "first" },
      { id: "x", name: "second" },
    ] as AuthorizerModel[];
    expect(authorizerWithId({ authorizers }, "x")?.name).toBe("first");
    expect(authorizerWithId({ authorizers }, "y")).toBeUndefined();
  });
});
