import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers ok with the app's version so load balancers and tests can wait for readiness", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", name: "preflight", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
