import "server-only";
import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { collectAll } from "@/lib/aws/client/paginate";
import type { MappedDomain } from "@/lib/probe/targets";

/** At most this many domain names are read (one GetBasePathMappings each), so an account with thousands stays cheap. */
export const MAX_DOMAIN_NAMES = 50;

export interface StageDomains {
  domains: MappedDomain[];
  /** True when the account has more domain names than were read. */
  truncated: boolean;
}

/**
 * The custom domain names that serve one stage of one API: GetDomainNames, then GetBasePathMappings per name, keeping
 * the mappings to this API and stage (https://docs.aws.amazon.com/apigateway/latest/api/API_GetBasePathMappings.html).
 * Read-only, like every other read; 1 + one call per domain name.
 */
export async function readStageDomains(port: ApiGatewayPort, restApiId: string, stage: string): Promise<StageDomains> {
  const names: string[] = [];
  let position: string | undefined;
  do {
    const page = await port.getDomainNames(position, MAX_DOMAIN_NAMES);
    for (const domain of page.items) if (domain.domainName && names.length < MAX_DOMAIN_NAMES + 1) names.push(domain.domainName);
    position = names.length > MAX_DOMAIN_NAMES ? undefined : page.position;
  } while (position);
  const truncated = names.length > MAX_DOMAIN_NAMES;
  const domains: MappedDomain[] = [];
  for (const domainName of names.slice(0, MAX_DOMAIN_NAMES)) {
    const mappings = await collectAll((pos) => port.getBasePathMappings(domainName, pos, 500), 20);
    for (const mapping of mappings) {
      if (mapping.restApiId === restApiId && mapping.stage === stage) domains.push({ domainName, basePath: mapping.basePath ?? "(none)" });
    }
  }
  return { domains, truncated };
}
