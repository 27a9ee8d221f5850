import { badRequest } from "../errors";

/**
 * `limit` / `position` paging as API Gateway's collection operations do it: default 25, maximum 500,
 * `position` present only when another page exists. The position token is opaque to clients.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
 */
export const MAX_PAGE_SIZE = 500;

export interface PageQuery {
  limit?: string | null;
  position?: string | null;
}

export interface Page<T> {
  item: T[];
  position?: string;
}

export function paginate<T>(items: T[], query: PageQuery, defaultPageSize: number): Page<T> {
  let limit = defaultPageSize;
  if (query.limit !== undefined && query.limit !== null && query.limit !== "") {
    const parsed = Number(query.limit);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > MAX_PAGE_SIZE) {
      throw badRequest(
        `1 validation error detected: Value '${query.limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${MAX_PAGE_SIZE}`,
      );
    }
    limit = parsed;
  }
  const start = query.position ? decodePosition(query.position) : 0;
  const item = items.slice(start, start + limit);
  const next = start + limit;
  return next < items.length ? { item, position: encodePosition(next) } : { item };
}

function encodePosition(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodePosition(position: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(position, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the 400 below: a malformed token is the caller's error
  }
  throw badRequest("Invalid position parameter");
}
