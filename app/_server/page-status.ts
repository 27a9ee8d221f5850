import "server-only";
import { readOnlyEnv } from "@/lib/auth/deployment-env.mjs";
import { parseAuditId } from "@/lib/share/ids";
import { getAuditStore } from "@/lib/share/open-audit-store";

/**
 * The HTTP status a page must answer with, decided before it renders. The root loading.tsx streams every page, so a
 * page's own notFound() arrives after a 200 has been sent; the proxy asks here first and answers the status itself.
 */
export type PageStatus =
  | { status: 200 }
  /** testId matches the page the app would have rendered (the not-found and read-only refusal views). */
  | { status: 400 | 403 | 404; title: string; message: string; testId: string };

const STORED_AUDIT_PAGE = /^\/audits\/([^/]+)(?:\/compare\/([^/]+))?$/;
const LIVE_AUDIT_PAGE = /^\/audit\//;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function pageStatus(pathname: string): Promise<PageStatus> {
  try {
    decodeURIComponent(pathname);
  } catch {
    return {
      status: 400,
      title: "Malformed address",
      message: "The address has malformed percent-encoding (a % not followed by two hex digits of UTF-8).",
      testId: "bad-request",
    };
  }
  if (LIVE_AUDIT_PAGE.test(pathname) && readOnlyEnv(process.env))
    return {
      status: 403,
      title: "Live audits are not available here",
      message: `This Preflight is a read-only viewer: it has no AWS connections, so the live audit of ${safeDecode(
        pathname.split("/").pop() ?? "",
      )} cannot be read here. Open a shared audit instead.`,
      testId: "live-audit-refused",
    };
  const stored = STORED_AUDIT_PAGE.exec(pathname);
  if (stored) {
    const store = await getAuditStore();
    for (const raw of [stored[1], stored[2]]) {
      if (raw === undefined) continue;
      const parsed = parseAuditId(decodeURIComponent(raw));
      if (!parsed.ok || !(await store.get(parsed.id)))
        return {
          status: 404,
          title: "No shared audit at this link",
          message: "The link may be mistyped, or the audit was deleted or has expired. Ask whoever shared it for a new link.",
          testId: "audit-not-found",
        };
    }
  }
  return { status: 200 };
}
