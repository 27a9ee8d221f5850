import { countsRequestFor } from "@/app/_server/inventory-counts-route";

export const dynamic = "force-dynamic";

interface Params {
  connection: string;
  region: string;
}

/**
 * Finding counts of the listed APIs (`?ids=a,b,c`) as NDJSON, one `{ apiId, outcome }` line per API as it
 * is known: cached ones at once, the others as their background reads finish. Closing the page aborts
 * the request (`request.signal`), which cancels the reads nobody waits for.
 */
export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  return countsRequestFor(request, await params);
}
