import type { IntegrationResponseWire, MethodWire } from "../state";
import { resolveMappingValue, type MappingSources } from "./mapping-values";

/**
 * An integration response reads the backend's answer, stage variables and context, never the method request
 * (API_IntegrationResponse.html, responseParameters); the control plane refuses anything else, and this keeps a
 * snapshot that slipped past it from echoing request headers.
 */
function resolveIntegrationResponseValue(expression: string, sources: MappingSources, backendBody: string): string | undefined {
  const trimmed = expression.trim();
  if (trimmed.startsWith("method.request.")) return undefined;
  if (trimmed === "integration.response.body") return backendBody;
  if (trimmed.startsWith("integration.response.body."))
    return jsonPathValue(backendBody, trimmed.slice("integration.response.body.".length));
  if (trimmed.startsWith("integration.response.multivalueheader.")) {
    return resolveMappingValue(`integration.response.header.${trimmed.slice("integration.response.multivalueheader.".length)}`, sources);
  }
  if (trimmed.startsWith("context.")) return sources.context?.[trimmed.slice("context.".length)];
  return resolveMappingValue(trimmed, sources);
}

/** A dotted JSON path into the backend body (`a.b.0.c`); objects come back as JSON, an absent value as undefined. */
function jsonPathValue(body: string, path: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const key of path.split(".").slice(0, 32)) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
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
 * Builds the method response. Header mappings (`method.response.header.X` → `'static'`,
 * `integration.response.header.Y`, `integration.response.body[.path]`, `stageVariables.Z`, `context.W`) are emitted
 * only when the method response for that status code declares the header, because API Gateway only returns
 * declared method response headers.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-response.html
 * An integration response whose status code has no method response fails the call: AWS logs "Output mapping refers
 * to an invalid method response" and answers 500 Internal server error (undefined here; the caller answers it).
 */
export function buildMethodResponse(
  method: MethodWire,
  selected: IntegrationResponseWire,
  sources: MappingSources,
  backendBody: string,
): HttpReply | undefined {
  const methodResponse = method.methodResponses?.[selected.statusCode];
  if (!methodResponse) return undefined;
  const declared = methodResponse.responseParameters ?? {};
  const headers: Record<string, string> = {};
  for (const [key, expression] of Object.entries(selected.responseParameters ?? {})) {
    if (!key.startsWith("method.response.header.") || !(key in declared)) continue;
    const value = resolveIntegrationResponseValue(expression, sources, backendBody);
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
