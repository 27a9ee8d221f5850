import { badRequest, conflict, notFound } from "../errors";
import type { BasePathMappingWire, DomainNameState, DomainNameWire } from "../state";
import type { Scope } from "../store";
import { requireApi } from "./lookup";
import { deepCopy, optString, reqString } from "./validate";

/**
 * Custom domain names and base path mappings (regional only; enough for the reader's inventory).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetBasePathMappings.html
 */
export function createDomainName(
  scope: Scope,
  input: { domainName?: unknown; regionalCertificateArn?: unknown; securityPolicy?: unknown },
): DomainNameWire {
  const domainName = reqString(input.domainName, "domainName").toLowerCase();
  if (!/^[a-z0-9*][a-z0-9.-]*\.[a-z]{2,}$/.test(domainName)) throw badRequest(`Invalid domain name: ${domainName}`);
  if (scope.state.domainNames.has(domainName)) throw conflict("The domain name you provided already exists.");
  const wire: DomainNameWire = {
    domainName,
    regionalDomainName: `d-${scope.store.ids.next(10)}.execute-api.${scope.region}.amazonaws.com`,
    regionalHostedZoneId: "Z1UJRXOUMOOFQ8",
    regionalCertificateArn: optString(input.regionalCertificateArn, "regionalCertificateArn"),
    endpointConfiguration: { types: ["REGIONAL"] },
    domainNameStatus: "AVAILABLE",
    securityPolicy: optString(input.securityPolicy, "securityPolicy") ?? "TLS_1_2",
  };
  scope.state.domainNames.set(domainName, { wire, basePathMappings: new Map() });
  return deepCopy(wire);
}

function requireDomain(scope: Scope, domainName: string): DomainNameState {
  const domain = scope.state.domainNames.get(domainName.toLowerCase());
  if (!domain) throw notFound("Invalid domain name identifier specified");
  return domain;
}

export function getDomainNames(scope: Scope): DomainNameWire[] {
  return [...scope.state.domainNames.values()].map((domain) => deepCopy(domain.wire));
}

export function getDomainName(scope: Scope, domainName: string): DomainNameWire {
  return deepCopy(requireDomain(scope, domainName).wire);
}

export function createBasePathMapping(
  scope: Scope,
  domainName: string,
  input: { basePath?: unknown; restApiId?: unknown; stage?: unknown },
): BasePathMappingWire {
  const domain = requireDomain(scope, domainName);
  const restApiId = reqString(input.restApiId, "restApiId");
  const api = requireApi(scope, restApiId);
  const stage = optString(input.stage, "stage");
  if (stage && !api.stages.has(stage)) throw badRequest("Invalid stage identifier specified");
  const basePath = optString(input.basePath, "basePath") || "(none)";
  if (domain.basePathMappings.has(basePath)) throw conflict("Base path already exists for this domain name");
  const mapping: BasePathMappingWire = { basePath, restApiId, stage };
  domain.basePathMappings.set(basePath, mapping);
  return { ...mapping };
}

export function getBasePathMappings(scope: Scope, domainName: string): BasePathMappingWire[] {
  return [...requireDomain(scope, domainName).basePathMappings.values()].map((mapping) => ({ ...mapping }));
}
