import "server-only";

export interface DownloadFile {
  filename: string;
  mimeType: string;
  content: string | Uint8Array;
}

// Exports name the API and its account; shared caches must not keep them (as /api/audits/[id]).
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" } as const;

/** RFC 6266: a plain ASCII filename plus filename* for anything else (our names are ASCII-safe already). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function attachment(file: DownloadFile): Response {
  const text = typeof file.content === "string";
  const body = text ? (file.content as string) : new Uint8Array(file.content as Uint8Array);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": text ? `${file.mimeType}; charset=utf-8` : file.mimeType,
      "Content-Disposition": contentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      ...PRIVATE_HEADERS,
    },
  });
}

/** Expected failures of a download route, as JSON the caller can read: `{ error, code, details? }`. */
export function jsonError(
  status: 400 | 401 | 403 | 404 | 409 | 429 | 502,
  code: string,
  error: string,
  details?: Record<string, string>,
): Response {
  return Response.json({ error, code, ...(details ? { details } : {}) }, { status, headers: PRIVATE_HEADERS });
}

/** First message per field of a failed zod parse, e.g. { region: "not an AWS region" }. */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "request");
    fields[field] ??= issue.message;
  }
  return fields;
}
