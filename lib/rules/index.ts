import type { Rule } from "./types";
import { actualResponseWithoutCors } from "./actual-response-without-cors/rule";
import { anyMethodAnswersPreflight } from "./any-method-answers-preflight/rule";
import { authorizedAnyWithoutCorsEvidence } from "./authorized-any-without-cors-evidence/rule";
import { binaryMediaBreaksMockPreflight } from "./binary-media-breaks-mock-preflight/rule";
import { cacheControlFailsWith403 } from "./cache-control-fails-with-403/rule";
import { cacheDataNotEncrypted } from "./cache-data-not-encrypted/rule";
import { cacheInvalidationUnauthenticated } from "./cache-invalidation-unauthenticated/rule";
import { cacheKeyMissingRequestParameters } from "./cache-key-missing-request-parameters/rule";
import { cacheKeyMissingCallerIdentity } from "./cache-key-missing-caller-identity/rule";
import { cachedAuthorizerSharedAcrossMethods } from "./cached-authorizer-shared-across-methods/rule";
import { corsOriginMisconfigured } from "./cors-origin-misconfigured/rule";
import { deploymentDrift } from "./deployment-drift/rule";
import { errorResponsesWithoutCors } from "./error-responses-without-cors/rule";
import { liveDiffersFromTemplate } from "./live-differs-from-template/rule";
import { methodOpenToEveryone } from "./method-open-to-everyone/rule";
import { missingPreflight } from "./missing-preflight/rule";
import { optionsRequiresApiKey } from "./options-requires-api-key/rule";
import { optionsRequiresAuthorization } from "./options-requires-authorization/rule";
import { preflightProxiedToBackend } from "./preflight-proxied-to-backend/rule";
import { preflightResponseIncomplete } from "./preflight-response-incomplete/rule";
import { requestAuthorizerKeyedOnRoute } from "./request-authorizer-keyed-on-route/rule";
import { requestValidatorOnPreflight } from "./request-validator-on-preflight/rule";
import { resourcePolicyDeniesPreflight } from "./resource-policy-denies-preflight/rule";
import { stageVariablesLookSecret } from "./stage-variables-look-secret/rule";

/** Every rule, explicitly: adding a folder without listing it here fails the registry test. Ordered as the /rules page shows them. */
export const RULES: readonly Rule[] = [
  optionsRequiresAuthorization,
  optionsRequiresApiKey,
  missingPreflight,
  anyMethodAnswersPreflight,
  authorizedAnyWithoutCorsEvidence,
  preflightResponseIncomplete,
  binaryMediaBreaksMockPreflight,
  resourcePolicyDeniesPreflight,
  requestValidatorOnPreflight,
  actualResponseWithoutCors,
  corsOriginMisconfigured,
  preflightProxiedToBackend,
  cachedAuthorizerSharedAcrossMethods,
  requestAuthorizerKeyedOnRoute,
  errorResponsesWithoutCors,
  cacheKeyMissingCallerIdentity,
  cacheKeyMissingRequestParameters,
  cacheInvalidationUnauthenticated,
  cacheControlFailsWith403,
  cacheDataNotEncrypted,
  deploymentDrift,
  liveDiffersFromTemplate,
  stageVariablesLookSecret,
  methodOpenToEveryone,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
