import "server-only";
import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { collectAll } from "@/lib/aws/client/paginate";
import { mapAwsError } from "@/lib/aws/errors/map-aws-error";
import type { AwsErrorCode } from "@/lib/aws/errors/aws-errors";
import { MAX_PAGE_SIZE } from "@/lib/aws/reader/read-api";

export interface RestApiSummary {
  id: string;
  name: string;
  description?: string;
  createdDate?: string;
  endpointTypes: string[];
  region: string;
}

/** One region's answer: its APIs, or why it could not be listed (never fatal for the others). */
export type RegionListing =
  | { region: string; ok: true; apis: RestApiSummary[] }
  | { region: string; ok: false; error: { code: AwsErrorCode; message: string; hint: string } };

export async function listRestApis(port: ApiGatewayPort, pageSize = MAX_PAGE_SIZE): Promise<RestApiSummary[]> {
  const items = await collectAll((position) => port.getRestApis(position, pageSize));
  return items
    .map((api) => ({
      id: api.id ?? "",
      name: api.name ?? api.id ?? "",
      ...(api.description ? { description: api.description } : {}),
      ...(api.createdDate ? { createdDate: api.createdDate.toISOString() } : {}),
      endpointTypes: [...(api.endpointConfiguration?.types ?? [])],
      region: port.region,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

async function listOne(port: ApiGatewayPort, pageSize: number): Promise<RegionListing> {
  try {
    return { region: port.region, ok: true, apis: await listRestApis(port, pageSize) };
  } catch (error) {
    const mapped = mapAwsError(error, { operation: "GetRestApis", region: port.region });
    return { region: port.region, ok: false, error: { code: mapped.code, message: mapped.message, hint: mapped.hint } };
  }
}

/**
 * Lists every region concurrently and yields each region's answer as soon as it arrives, so a UI can
 * show regions as they answer. A disabled, denied or failing region yields its own error line.
 */
export async function* streamRegionListings(ports: ApiGatewayPort[], pageSize = MAX_PAGE_SIZE): AsyncGenerator<RegionListing> {
  const pending = new Map<number, Promise<{ index: number; listing: RegionListing }>>();
  ports.forEach((port, index) =>
    pending.set(
      index,
      listOne(port, pageSize).then((listing) => ({ index, listing })),
    ),
  );
  while (pending.size > 0) {
    const { index, listing } = await Promise.race(pending.values());
    pending.delete(index);
    yield listing;
  }
}

/** All regions' answers, in the order of `ports`. */
export async function listAcrossRegions(ports: ApiGatewayPort[], pageSize = MAX_PAGE_SIZE): Promise<RegionListing[]> {
  return Promise.all(ports.map((port) => listOne(port, pageSize)));
}
