import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

const VALIDATION = {
  title: "Request validation for REST APIs in API Gateway",
  url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html",
};
const VALIDATOR_EXTENSION = {
  title: "x-amazon-apigateway-request-validator: an API-wide validator applies to every operation, OPTIONS included",
  url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validator.html",
};

/**
 * A preflight carries no body, no Content-Type and none of the method's declared parameters; an OPTIONS
 * method with a request validator that requires any of them answers 400 before the MOCK integration.
 * The validator's own flags (validateRequestParameters / validateRequestBody) need GetRequestValidators,
 * which the reader does not call, so the finding is "likely" and names the validator to check.
 */
export const requestValidatorOnPreflight: Rule = {
  meta: {
    id: "request-validator-on-preflight",
    title: "A request validator on OPTIONS requires what a preflight never sends",
    severity: "high",
    category: "preflight",
    confidence: "likely",
    browserSends:
      "OPTIONS with Origin and Access-Control-Request-* headers only: no body, no Content-Type, no query string parameters or custom headers of the real request.",
    gatewayAnswers:
      '400 {"message": "Missing required request parameters: [...]"} (BAD_REQUEST_PARAMETERS) or 400 {"message": "Invalid request body"} (BAD_REQUEST_BODY), without CORS headers unless the gateway response adds them.',
    why: "API Gateway validates a method request before the integration runs. An API-wide request validator (x-amazon-apigateway-request-validator at the root of an OpenAPI definition, or a Terraform module that sets request_validator_id on every method) also lands on the OPTIONS methods; if the OPTIONS method declares required parameters or a request model, every preflight fails validation. Whether the validator checks parameters, the body or both is in the validator itself (GetRequestValidators), which Preflight does not read.",
    docs: [VALIDATION, VALIDATOR_EXTENSION, DOCS.gatewayResponses],
    peers: [],
    messages: {
      validated:
        "OPTIONS {{path}} uses request validator {{validator}} and requires {{what}}, which no preflight carries: if the validator checks them, every preflight gets 400.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      const options = resource.methods.find((m) => m.httpMethod === "OPTIONS");
      if (!options?.requestValidatorId) continue;
      const required = Object.entries(options.requestParameters)
        .filter(([, isRequired]) => isRequired)
        .map(([name]) => name);
      const models = Object.keys(options.requestModels);
      if (required.length === 0 && models.length === 0) continue;
      const what = joinWords([...required, ...(models.length > 0 ? [`a request body (${models.join(", ")} model)`] : [])]);
      const stages = stagesWhere(model, resource.path, "OPTIONS");
      findings.push({
        messageId: "validated",
        data: { path: resource.path, validator: options.requestValidatorId, what },
        symptom: `Browsers calling ${resource.path} from another origin fail with a CORS error: the preflight is rejected with 400 by request validation.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "OPTIONS" },
        stages,
        draftOnly: stages.length === 0,
        evidence: { requestValidatorId: options.requestValidatorId, requiredParameters: required, requestModels: models },
        fixes: [
          {
            kind: "clear-method-request-validator",
            resourceId: resource.id,
            path: resource.path,
            httpMethod: "OPTIONS",
            requestValidatorId: options.requestValidatorId,
          },
          ...redeploy(stages, `Deploy OPTIONS ${resource.path} without request validation`),
        ],
      });
    }
    return findings;
  },
};
