import fc from "fast-check";
import { expect, it } from "vitest";
import { AUTHORIZATION_TYPES, HTTP_VERBS, type ApiModel, type MethodModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";
import { SAFELISTED_CONTENT_TYPES, SAFELISTED_REQUEST_HEADERS } from "./cors-headers";
import { assumesJsonBody, authorizerOf, identityHeaders, requiredRequestHeaders, SIGV4_HEADERS, takesJsonBody } from "./request-headers";

// requiredRequestHeaders as it was before issue 16 (no shortcut for methods that need nothing): the oracle.
function oldRequiredHeaders(model: ApiModel, method: MethodModel): string[] {
  const headers: string[] = [];
  const add = (name: string) => {
    if (!headers.some((h) => h.toLowerCase() === name.toLowerCase())) headers.push(name);
  };
  if (method.authorizationType === "AWS_IAM") SIGV4_HEADERS.forEach(add);
  if (method.authorizationType === "CUSTOM" || method.authorizationType === "COGNITO_USER_POOLS") {
    const authorizer = authorizerOf(model, method);
    (authorizer ? identityHeaders(authorizer) : ["Authorization"]).forEach(add);
  }
  if (method.apiKeyRequired && model.api.apiKeySource === "HEADER") add("X-Api-Key");
  if (oldTakesJsonBody(method)) add("Content-Type");
  for (const [parameter, required] of Object.entries(method.requestParameters)) {
    const match = /^method\.request\.header\.(.+)$/i.exec(parameter);
    if (required && match?.[1] && !SAFELISTED_REQUEST_HEADERS.has(match[1].toLowerCase())) add(match[1]);
  }
  return headers;
}
const oldAssumesJsonBody = (m: MethodModel) => Object.keys(m.requestModels).length === 0 && ["POST", "PUT", "PATCH"].includes(m.httpMethod);
const oldTakesJsonBody = (m: MethodModel) =>
  Object.keys(m.requestModels).some((t) => !SAFELISTED_CONTENT_TYPES.has(t.toLowerCase())) || oldAssumesJsonBody(m);

it("requiredRequestHeaders answers as before for every kind of method, including those it now tells without a look-up", () => {
  const models = (["HEADER", "AUTHORIZER"] as const).map((apiKeySource) =>
    api({ apiKeySource })
      .authorizer("tok", { type: "TOKEN" })
      .authorizer("req", { type: "REQUEST", identitySource: "method.request.header.X-Tenant, method.request.querystring.q" })
      .build(),
  );
  const method = fc
    .record({
      httpMethod: fc.constantFrom(...HTTP_VERBS),
      authorizationType: fc.constantFrom(...AUTHORIZATION_TYPES),
      authorizerId: fc.option(fc.constantFrom(...models[0]!.authorizers.map((a) => a.id), "gone"), { nil: undefined }),
      apiKeyRequired: fc.boolean(),
      requestModels: fc.dictionary(
        fc.constantFrom("application/json", "text/plain", "Multipart/Form-Data", "application/xml"),
        fc.constant("Empty"),
        {
          maxKeys: 2,
        },
      ),
      requestParameters: fc.dictionary(
        fc.constantFrom(
          "method.request.header.X-Trace",
          "method.request.header.Content-Type",
          "METHOD.REQUEST.HEADER.x-trace",
          "method.request.querystring.q",
          "method.request.header.",
        ),
        fc.boolean(),
        { maxKeys: 3 },
      ),
    })
    .map(({ authorizerId, ...rest }): MethodModel => ({
      resourceId: "r",
      path: "/x",
      authorizationScopes: [],
      methodResponses: [],
      ...rest,
      ...(authorizerId !== undefined ? { authorizerId } : {}),
    }));
  fc.assert(
    fc.property(fc.constantFrom(...models), method, (model, m) => {
      expect(requiredRequestHeaders(model, m)).toEqual(oldRequiredHeaders(model, m));
      expect(takesJsonBody(m)).toBe(oldTakesJsonBody(m));
      expect(assumesJsonBody(m)).toBe(oldAssumesJsonBody(m));
    }),
    { numRuns: 2000 },
  );
});
