import { sweepRequestFor } from "@/app/_server/sweep-route";

export const dynamic = "force-dynamic";

/** Every REST API of several connections, listed and audited as NDJSON (see app/_server/sweep-route.ts). */
export async function GET(request: Request) {
  return sweepRequestFor(request);
}
