import { describe, expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import type { ApiModel } from "@/lib/model/types";
import { predictAnswer, type PredictInput } from "./predict";
import { stageViewFromModel } from "./stage-view";

const preflight = (path: string, verb: PredictInput["verb"] = "GET"): PredictInput => ({
  kind: "preflight",
  path,
  verb,
  withIdentity: false,
});
const predict = (model: ApiModel, input: PredictInput, stage = "prod") => predictAnswer(stageViewFromModel(model, stage, []), input);

describe("predictAnswer", () => {
  it("answers 403 Missing Authentication Token where no method answers the preflight", () => {
    const model = api()
      .resource("/cart", (r) => r.method("PUT"))
      .stage("prod")
      .build();
    expect(predict(model, preflight("/cart", "PUT"))).toMatchObject({
      status: 403,
      errorType: "MissingAuthenticationTokenException",
      allowOrigin: "absent",
    });
  });

  it("answers 401 for a TOKEN authorizer on OPTIONS, with the gateway response's CORS headers", () => {
    const model = api()
      .authorizer("jwt", { type: "TOKEN" })
      .resource("/products", (r) => r.method("GET").options((m) => m.authorizer("jwt").mock()))
      .gatewayResponse("UNAUTHORIZED", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .stage("prod")
      .build();
    expect(predict(model, preflight("/products"))).toMatchObject({
      status: 401,
      errorType: "UnauthorizedException",
      allowOrigin: "present",
      cors: { "access-control-allow-origin": "*" },
    });
  });

  it("leaves a REQUEST authorizer without caching to its function, even when the preflight lacks its header", () => {
    const build = (ttl: number) =>
      api()
        .authorizer("session", { type: "REQUEST", ttl, identitySource: "method.request.header.X-Session" })
        .resource("/orders", (r) => r.method("GET").options((m) => m.authorizer("session").mock()))
        .stage("prod")
        .build();
    expect(predict(build(60), preflight("/orders"))).toMatchObject({ status: 401 });
    expect(predict(build(0), preflight("/orders")).status).toBeUndefined();
  });

  it("answers 403 Forbidden for an API key on OPTIONS (the key comes from a header)", () => {
    const model = api()
      .resource("/orders", (r) => r.method("POST").options((m) => m.apiKey().mock()))
      .stage("prod")
      .build();
    expect(predict(model, preflight("/orders", "POST"))).toMatchObject({ status: 403, errorType: "ForbiddenException" });
  });

  it("predicts a MOCK preflight's status and static CORS headers", () => {
    const model = api()
      .resource("/items", (r) => r.method("GET").cors({ allowOrigin: "https://shop.example.com", allowMethods: "GET,OPTIONS" }))
      .stage("prod")
      .build();
    const prediction = predict(model, preflight("/items"));
    expect(prediction).toMatchObject({ status: 200, allowOrigin: "present" });
    expect(prediction.cors).toMatchObject({
      "access-control-allow-origin": "https://shop.example.com",
      "access-control-allow-methods": "GET,OPTIONS",
    });
  });

  it("uses the stage's deployed authorization, not the draft's, where the deployment summary says otherwise", () => {
    const model = api()
      .authorizer("jwt", { type: "TOKEN" })
      .resource("/orders/{id}", (r) => r.method("GET").cors())
      .stage("prod", (s) => s.deployed((d) => d.method("/orders/{id}", "OPTIONS", { authorizationType: "AWS_IAM" })))
      .stage("dev")
      .build();
    expect(predict(model, preflight("/orders/{id}"), "prod")).toMatchObject({
      status: 403,
      errorType: "MissingAuthenticationTokenException",
    });
    expect(predict(model, preflight("/orders/{id}"), "dev")).toMatchObject({ status: 200 });
  });

  it("does not predict what a backend decides", () => {
    const proxied = api()
      .resource("/x", (r) => r.method("GET").options((m) => m.integrationType("HTTP_PROXY", "https://backend.example.com")))
      .stage("prod")
      .build();
    expect(predict(proxied, preflight("/x")).status).toBeUndefined();
  });
});
