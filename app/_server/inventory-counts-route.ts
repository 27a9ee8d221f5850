import "server-only";
import { z } from "zod";
import type { Connection } from "@/lib/aws/connections/connection";
import { REST_API_ID_PATTERN } from "@/lib/model/ids";
import { auditTargetSchema } from "./audit-target";
import { decodeSegment } from "./decode-segment";
import { READ_ONLY_REFUSAL, invalidRequest } from "./download-routes";
import { fieldMessages, jsonError } from "./downloads";
import { regionCounts } from "./inventory-counts";
import { ndjsonResponse } from "./ndjson-response";
import { openAllowedConnections } from "./route-guard";
import { readOnlyMode } from "./share";

/**
 * At most this many APIs per request: a region holds up to 600 REST APIs by default
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html), and the browser asks per region.
 */
export const MAX_COUNT_IDS = 1_000;

const countsParamsSchema = auditTargetSchema.pick({ connection: true, region: true }).extend({
  ids: z
    .string()
    .max(MAX_COUNT_IDS * 11)
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(REST_API_ID_PATTERN, "not an API id"))
        .min(1, "no API ids")
        .max(MAX_COUNT_IDS, `at most ${MAX_COUNT_IDS} ids`),
    ),
});

/** The counts route: validates, opens the connection, then streams NDJSON until done or the client leaves. */
export async function countsRequestFor(request: Request, raw: { connection: string; region: string }): Promise<Response> {
  if (readOnlyMode()) return jsonError(403, "read-only", READ_ONLY_REFUSAL);
  const parsed = countsParamsSchema.safeParse({
    connection: decodeSegment(raw.connection),
    region: decodeSegment(raw.region),
    ids: new URL(request.url).searchParams.get("ids") ?? "",
  });
  if (!parsed.success) return invalidRequest(fieldMessages(parsed.error.issues));
  // The deployment's allow-list is checked before any AWS call, as for the audit page.
  const opened = await openAllowedConnections([parsed.data.connection], [parsed.data.region]);
  if (!opened.ok) return opened.response;
  const [connection] = opened.connections as [Connection];

  return ndjsonResponse(request, (signal) => regionCounts(connection, parsed.data.region, parsed.data.ids, signal));
}
