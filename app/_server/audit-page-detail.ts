import "server-only";
import { z } from "zod";
import type { AuditReport } from "@/lib/audit/types";
import { parseCellKey } from "@/lib/report/audit-page-view";
import { cellDetail, findingDetails } from "@/lib/report/audit-page-detail";
import { FIX_PREVIEW_CHARS, wholeApiFixView } from "@/lib/report/whole-api-fix";
import { fieldMessages, jsonError } from "./downloads";
import { invalidRequest, type RouteReport } from "./download-routes";

/**
 * The audit page's on-demand parts (issue 16): GET <page's api base>/view/<part>, where part is
 * - `cell?key=/orders:GET&stage=prod`: the detail panel's configuration of one cell;
 * - `findings?i=3,7`: whole findings (message, evidence, meta, the fix in every format, template location);
 * - `fix`: the "Fix everything" tab (each file cut to its first FIX_PREVIEW_CHARS; Download serves it whole).
 * `v` is the readAt of the page's view: finding indexes refer to that read, so a newer read answers 409
 * (reload the page) rather than another read's findings. The query is checked before any report is loaded,
 * and the report comes through the same loaders as the page and the downloads (allow-list, read-only mode,
 * sign-in, the read-once cache), never from the browser.
 */
export const DETAIL_PARTS = ["cell", "findings", "fix"] as const;
export type DetailPart = (typeof DETAIL_PARTS)[number];

/** Findings one request may ask for: a cell's findings plus what else affects it, or one opened card. */
export const MAX_FINDINGS_PER_REQUEST = 200;

const readAt = z.string().max(64).optional();

const cellQuery = z.object({
  key: z
    .string()
    .max(2048, "too long")
    .refine((value) => parseCellKey(value) !== undefined, "not a cell key (/path:VERB)"),
  stage: z.string().max(128, "too long").optional(),
  v: readAt,
});

const findingsQuery = z.object({
  i: z
    .string()
    .regex(new RegExp(`^\\d{1,7}(?:,\\d{1,7}){0,${MAX_FINDINGS_PER_REQUEST - 1}}$`), "comma-separated finding indexes (at most 200)"),
  v: readAt,
});

const fixQuery = z.object({ v: readAt });

export type DetailRequest =
  | { part: "cell"; key: string; stage?: string; v?: string }
  | { part: "findings"; indexes: number[]; v?: string }
  | { part: "fix"; v?: string };

/** Validates the part and its query; a 400 names each bad parameter. */
export function parseDetailRequest(
  part: string,
  search: URLSearchParams,
): { ok: true; request: DetailRequest } | { ok: false; response: Response } {
  const query = Object.fromEntries([...search.entries()].slice(0, 8));
  switch (part) {
    case "cell": {
      const parsed = cellQuery.safeParse(query);
      if (!parsed.success) return { ok: false, response: invalidRequest(fieldMessages(parsed.error.issues)) };
      return { ok: true, request: { part, ...parsed.data } };
    }
    case "findings": {
      const parsed = findingsQuery.safeParse(query);
      if (!parsed.success) return { ok: false, response: invalidRequest(fieldMessages(parsed.error.issues)) };
      const { i, ...rest } = parsed.data;
      return { ok: true, request: { part, indexes: i.split(",").map(Number), ...rest } };
    }
    case "fix": {
      const parsed = fixQuery.safeParse(query);
      if (!parsed.success) return { ok: false, response: invalidRequest(fieldMessages(parsed.error.issues)) };
      return { ok: true, request: { part, ...parsed.data } };
    }
    default:
      return { ok: false, response: invalidRequest({ part: `must be one of ${DETAIL_PARTS.join(", ")}` }) };
  }
}

function json(body: unknown): Response {
  // Private: the parts of a live audit are the signed-in user's; the URL carries the read (v), so a short cache is safe.
  return Response.json(body, { headers: { "cache-control": "private, max-age=300" } });
}

/** The part asked for, from the report the page's own loader returned. */
export function detailResponse(report: AuditReport, request: DetailRequest, fixDownloadBase: string): Response {
  if (request.v !== undefined && request.v !== report.readAt)
    return jsonError(409, "audit:read-again", "This API was read again since the page loaded: reload the page to see the new read.");
  switch (request.part) {
    case "cell": {
      const { path, verb } = parseCellKey(request.key)!;
      if (!report.model.resources.some((resource) => resource.path === path))
        return jsonError(404, "cell:not-found", `This API has no resource ${path}.`);
      return json(cellDetail(report, path, verb, request.stage));
    }
    case "findings": {
      const missing = request.indexes.find((index) => index >= report.findings.length);
      if (missing !== undefined) return jsonError(404, "finding:not-found", `This audit has no finding ${missing}.`);
      return json(findingDetails(report, request.indexes));
    }
    case "fix":
      return json(wholeApiFixView(report, fixDownloadBase, FIX_PREVIEW_CHARS));
  }
}

/** A route handler's whole answer: the query first (cheap 400s), then the report (404 for an unknown API), then the part. */
export async function answerDetail(
  part: string,
  request: Request,
  load: () => Promise<RouteReport> | RouteReport,
  fixDownloadBase: string,
): Promise<Response> {
  const parsed = parseDetailRequest(part, new URL(request.url).searchParams);
  if (!parsed.ok) return parsed.response;
  const loaded = await load();
  if (!loaded.ok) return loaded.response;
  return detailResponse(loaded.report, parsed.request, fixDownloadBase);
}
