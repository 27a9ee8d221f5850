import { assertNever, type CorsHeaders, type FixIntent } from "@/lib/remediation/intents";

function corsWords(headers: CorsHeaders): string {
  const parts = [
    `Access-Control-Allow-Origin: ${headers.allowOrigin}`,
    `Access-Control-Allow-Methods: ${headers.allowMethods.join(",")}`,
    `Access-Control-Allow-Headers: ${headers.allowHeaders.join(",")}`,
  ];
  if (headers.allowCredentials) parts.push("Access-Control-Allow-Credentials: true");
  if (headers.maxAgeSeconds !== undefined) parts.push(`Access-Control-Max-Age: ${headers.maxAgeSeconds}`);
  return parts.join("; ");
}

function settingWords(path: string, httpMethod: string): string {
  return path === "*" && httpMethod === "*" ? "all methods (*/*)" : `${httpMethod} ${path}`;
}

/** One plain-English sentence per fix intent: what to change, where. */
export function describeIntent(intent: FixIntent): string {
  switch (intent.kind) {
    case "set-method-authorization":
      return `Set the authorization of ${intent.httpMethod} ${intent.path} from ${intent.from} to ${intent.to}.`;
    case "set-method-api-key-required":
      return `Set apiKeyRequired of ${intent.httpMethod} ${intent.path} to ${intent.value}.`;
    case "add-cors-preflight":
      return `Add an OPTIONS method to ${intent.path} with no authorization, no API key and a MOCK integration answering 200 with ${corsWords(intent)}.`;
    case "set-preflight-headers":
      return `Make OPTIONS ${intent.path} answer ${intent.statusCode} with ${corsWords(intent)}.`;
    case "replace-preflight-integration-with-mock":
      return `Answer OPTIONS ${intent.path} in API Gateway with a MOCK integration (instead of calling the backend) returning ${corsWords(intent)}.`;
    case "add-gateway-response-cors": {
      const methods = intent.allowMethods ? `, Access-Control-Allow-Methods: ${intent.allowMethods.join(",")}` : "";
      return `Add Access-Control-Allow-Origin: ${intent.allowOrigin}, Access-Control-Allow-Headers: ${intent.allowHeaders.join(",")}${methods} to the ${intent.responseType} gateway response${intent.statusCode ? ` (status ${intent.statusCode})` : ""}, keeping its other mappings.`;
    }
    case "add-method-response-cors-origin":
      return `Make ${intent.httpMethod} ${intent.path} return Access-Control-Allow-Origin: ${intent.allowOrigin} on its ${intent.statusCode} response (declare the header on the method response, map it in the integration response).`;
    case "set-authorizer-ttl":
      return `Change the result cache TTL of authorizer ${intent.authorizerName} from ${intent.fromSeconds}s to ${intent.toSeconds}s.`;
    case "widen-authorizer-policy":
      return `Have the ${intent.authorizerType} authorizer ${intent.authorizerName} return a policy whose Resource is ${intent.resourceArnPattern}${intent.allowOptions ? ", and let OPTIONS through without evaluating credentials" : ""}.`;
    case "add-cache-key-parameter":
      return `Add ${intent.parameter} to the cache key parameters of ${intent.httpMethod} ${intent.path}${intent.existingCacheKeyParameters.length > 0 ? ` (currently ${intent.existingCacheKeyParameters.join(", ")})` : " (currently none)"}.`;
    case "set-integration-content-handling":
      return `Set contentHandling ${intent.contentHandling} on the integration of ${intent.httpMethod} ${intent.path}${intent.statusCodes.length > 0 ? ` and on its ${intent.statusCodes.join(", ")} integration response${intent.statusCodes.length > 1 ? "s" : ""}` : ""}.`;
    case "clear-method-request-validator":
      return `Remove request validator ${intent.requestValidatorId} from ${intent.httpMethod} ${intent.path}.`;
    case "set-rest-api-policy":
      return `Replace the API's resource policy (${intent.changes.join("; ")}), then deploy.`;
    case "set-stage-method-setting":
      return `On stage ${intent.stage}, set ${intent.setting} for ${settingWords(intent.path, intent.httpMethod)} to ${String(intent.value)}.`;
    case "redeploy-stage":
      return `Deploy the API to stage ${intent.stage} so the change reaches clients (${intent.description}).`;
    case "flush-authorizer-cache":
      return `Flush the authorizer cache of stage ${intent.stage}.`;
    case "remove-stage-canary":
      return `Remove the canary of stage ${intent.stage} (deployment ${intent.canaryDeploymentId}, ${intent.percentTraffic} % of requests), so every request reaches the stage's own deployment.`;
    default:
      return assertNever(intent);
  }
}
