import { answeredBy, answeredByDeployment } from "@/lib/model/answered-by";
import { deployedPaths } from "@/lib/model/deployed-paths";
import { effectiveGatewayResponse, type EffectiveGatewayResponse } from "@/lib/model/gateway-responses";
import type { ApiModel, AuthorizationType, AuthorizerModel, HttpVerb, IntegrationModel, MethodModel } from "@/lib/model/types";
import type { Finding } from "@/lib/rules/types";

/**
 * The seam between the probe and the model: what one stage serves, as the prediction needs it. Today it is the
 * draft's methods (integrations, responses) with each method's authorization and API key taken from the stage's
 * deployment summary (`GetDeployment embed=apisummary`, the only per-stage detail the model has); a per-stage
 * deployed snapshot implements the same interface and the prediction does not change.
 */
export interface ServedMethod {
  /** The resource whose method answers (another one than asked when API Gateway falls through). */
  path: string;
  httpMethod: HttpVerb;
  authorizationType: AuthorizationType;
  authorizerId?: string;
  apiKeyRequired: boolean;
  /** From the draft when the stage's own copy is not in the model. */
  method?: MethodModel;
  integration?: IntegrationModel;
}

export interface StageView {
  stage: string;
  /** The method answering `verb` on `path` in what the stage serves; undefined: no route (403 Missing Authentication Token). */
  answer(path: string, verb: HttpVerb): ServedMethod | undefined;
  authorizer(id: string): AuthorizerModel | undefined;
  gatewayResponse(responseType: string): EffectiveGatewayResponse;
  apiKeySource: "HEADER" | "AUTHORIZER";
  hasResourcePolicy: boolean;
  /** Authorizers a rule found sharing a cached, method-scoped policy across methods, with the rule's message. */
  varyingAuthorizers: ReadonlyMap<string, string>;
}

/** Findings whose authorizer gives the same caller different answers from one method to the next. */
const VARYING_RULES = new Set(["cached-authorizer-shared-across-methods"]);

export function stageViewFromModel(model: ApiModel, stageName: string, findings: readonly Finding[]): StageView {
  const stage = model.stages.find((s) => s.name === stageName);
  const deployment = stage?.deployment;
  // An empty summary leaves the deployed state unknown (emulators answer it so); the draft decides then.
  const summaryKnown = deployment !== undefined && deployedPaths(deployment).size > 0;
  const authorizers = new Map(model.authorizers.map((a) => [a.id, a]));
  const varying = new Map<string, string>();
  for (const finding of findings) {
    const id = finding.target.authorizerId;
    if (id && VARYING_RULES.has(finding.ruleId) && (finding.stages.length === 0 || finding.stages.includes(stageName)))
      varying.set(id, finding.message);
  }
  return {
    stage: stageName,
    answer(path, verb) {
      const draft = answeredBy(model, path, verb);
      if (!summaryKnown) {
        if (!draft) return undefined;
        const { method } = draft;
        return {
          path: draft.resource.path,
          httpMethod: method.httpMethod,
          authorizationType: method.authorizationType,
          ...(method.authorizerId ? { authorizerId: method.authorizerId } : {}),
          apiKeyRequired: method.apiKeyRequired,
          method,
          ...(method.integration ? { integration: method.integration } : {}),
        };
      }
      const deployed = answeredByDeployment(deployment!, path, verb);
      if (!deployed) return undefined;
      // The draft's copy of the deployed method, for what the summary leaves out (integration, responses).
      const method = model.resources.find((r) => r.path === deployed.path)?.methods.find((m) => m.httpMethod === deployed.httpMethod);
      const authorizerId =
        deployed.summary.authorizationType === "CUSTOM" || deployed.summary.authorizationType === "COGNITO_USER_POOLS"
          ? method?.authorizerId
          : undefined;
      return {
        path: deployed.path,
        httpMethod: deployed.httpMethod,
        authorizationType: deployed.summary.authorizationType,
        ...(authorizerId ? { authorizerId } : {}),
        apiKeyRequired: deployed.summary.apiKeyRequired,
        ...(method ? { method } : {}),
        ...(method?.integration ? { integration: method.integration } : {}),
      };
    },
    authorizer: (id) => authorizers.get(id),
    gatewayResponse: (type) => effectiveGatewayResponse(model, type),
    apiKeySource: model.api.apiKeySource,
    hasResourcePolicy: Boolean(model.api.policy),
    varyingAuthorizers: varying,
  };
}
