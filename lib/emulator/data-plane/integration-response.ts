import type { IntegrationResponseWire, MethodWire } from "../state";
import { resolveMappingValue, type MappingSources } from "./mapping-values";
import type { HttpReply } from "./reply";

/**
 * Picks the integration response for a backend outcome: the first whose selectionPattern (a regex over
 * the backend status code, or the mock's statusCode) matches in full, else the default response (the
 * one without a selectionPattern).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html
 */
export function selectIntegrationResponse(
  responses: Record<string, IntegrationResponseWire> | undefined,
  selector: string,
): IntegrationResponseWire | undefined {
  const list = Object.values(responses ?? {});
  const matched = list.find((response) => response.selectionPattern && fullMatch(response.selectionPattern, selector));
  return matched ?? list.find((response) => !response.selectionPattern);
}

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "s").test(value);
  } catch {
    return false;
  }
}

/**
 * Builds the method response. Header mappings (`method.response.header.X` → `'static'` or
 * `integration.response.header.Y`) are emitted only when the method response for that status code
 * declares the header, because API Gateway only returns declared method response headers.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-response.html
 */
export function buildMethodResponse(method: MethodWire, selected: IntegrationResponseWire, sources: MappingSources, backendBody: string): HttpReply {
  const declared = method.methodResponses?.[selected.statusCode]?.responseParameters ?? {};
  const headers: Record<string, string> = {};
  for (const [key, expression] of Object.entries(selected.responseParameters ?? {})) {
    if (!key.startsWith("method.response.header.") || !(key in declared)) continue;
    const value = resolveMappingValue(expression, sources);
    if (value !== undefined) headers[key.slice("method.response.header.".length)] = value;
  }
  const templates = selected.responseTemplates ?? {};
  const contentType = Object.keys(templates)[0] ?? "application/json";
  headers["Content-Type"] ??= contentType;
  // Mapping templates are VTL; the emulator passes them through verbatim (documented in SPEC.md), and
  // without a template the backend body passes through as API Gateway does.
  const template = templates[contentType];
  const body = template === undefined ? backendBody : template;
  return { statusCode: Number(selected.statusCode), headers, body };
}
