import { afterEach, describe, expect, it } from "vitest";
import { mediaTypeMatches } from "./binary-media";
import { corsPreflightMethod, createFixtureApi, method, startDataPlane, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const PREFLIGHT = { Origin: "https://app.example.com", "Access-Control-Request-Method": "PUT", Accept: "*/*" };

function api(binaryMediaTypes: string[] | undefined, contentHandling?: { integration?: string; response?: string }) {
  const fixture = createFixtureApi();
  if (binaryMediaTypes) fixture.api.api.binaryMediaTypes = binaryMediaTypes;
  const options = corsPreflightMethod();
  const integration = options.methodIntegration!;
  if (contentHandling?.integration) integration.contentHandling = contentHandling.integration;
  if (contentHandling?.response) integration.integrationResponses!["200"]!.contentHandling = contentHandling.response;
  fixture.putResource("/upload", { OPTIONS: options, PUT: method("PUT") });
  fixture.deploy();
  return fixture;
}

describe("binary media types and a MOCK preflight", () => {
  it("answers the preflight 500 Internal server error when binaryMediaTypes has */* and contentHandling is unset", async () => {
    running = await startDataPlane(api(["*/*"]));
    const response = await fetch(`${running.stageUrl()}/upload`, { method: "OPTIONS", headers: PREFLIGHT });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal server error" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 200 with the CORS headers once the integration or its response converts to text", async () => {
    for (const handling of [{ integration: "CONVERT_TO_TEXT" }, { response: "CONVERT_TO_TEXT" }]) {
      running = await startDataPlane(api(["*/*"], handling));
      const response = await fetch(`${running.stageUrl()}/upload`, { method: "OPTIONS", headers: PREFLIGHT });
      expect(response.status, JSON.stringify(handling)).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      await running.close();
      running = undefined;
    }
  });

  it("leaves the preflight alone when the binary types do not match what it carries", async () => {
    running = await startDataPlane(api(["image/png", "application/octet-stream"]));
    expect((await fetch(`${running.stageUrl()}/upload`, { method: "OPTIONS", headers: PREFLIGHT })).status).toBe(200);
  });

  it("matches wildcard media types", () => {
    expect(mediaTypeMatches("image/*", "image/png")).toBe(true);
    expect(mediaTypeMatches("image/*", "*/*")).toBe(false);
    expect(mediaTypeMatches("Application/Octet-Stream", "application/octet-stream")).toBe(true);
  });
});
