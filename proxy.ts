import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { signInEnv } from "@/lib/auth/deployment-env.mjs";
import { hostRefusal } from "@/lib/auth/host-check";
import { isPublicPath } from "@/lib/auth/public-paths";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";
import { pageStatus, type PageStatus } from "@/app/_server/page-status";

/**
 * Runs before every route (https://nextjs.org/docs/app/api-reference/file-conventions/proxy):
 * 1. refuses a Host that is not this app's own (DNS rebinding), 421 Misdirected Request (RFC 9110 section 15.5.20);
 * 2. with sign-in configured, sends a visitor without a session to sign in (pages) or answers 401 (API routes and
 *    server actions) — pages, actions and routes check the session again themselves;
 * 3. answers 400 (malformed percent-encoding), 403 (a live audit on a read-only viewer) or 404 (a missing or expired
 *    shared audit) with a short page, since a streamed page has sent 200 before its notFound() runs;
 * 4. sets the Content-Security-Policy with a fresh nonce, and the other security headers.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = process.env;
  // The readiness probe reveals nothing and a load balancer calls it by the instance's address.
  const refusal = request.nextUrl.pathname === "/api/health" ? undefined : hostRefusal(request.headers.get("host"), env);
  if (refusal)
    return withStaticHeaders(new NextResponse(refusal, { status: 421, headers: { "Content-Type": "text/plain; charset=utf-8" } }));

  const signIn = signInEnv(env);
  const { pathname, search } = request.nextUrl;
  if (signIn.configured && !isPublicPath(pathname)) {
    const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
    if (!token?.email) {
      const isAction = request.headers.has("next-action");
      if (pathname.startsWith("/api/") || isAction || request.method !== "GET")
        return withStaticHeaders(
          NextResponse.json(
            { error: "Sign in first: this Preflight is shared and needs your organisation's account.", code: "auth:required" },
            { status: 401 },
          ),
        );
      const signInUrl = new URL("/api/auth/signin", request.url);
      signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withStaticHeaders(NextResponse.redirect(signInUrl));
    }
  }

  if (request.method === "GET" || request.method === "HEAD") {
    const page = await pageStatus(pathname);
    if (page.status !== 200) return withStaticHeaders(errorPage(page));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  let formTargets: string[] = [];
  if (signIn.configured && signIn.issuer) {
    try {
      formTargets = [new URL(signIn.issuer).origin];
    } catch {
      formTargets = [];
    }
  }
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", formTargets });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withStaticHeaders(response);
}

/**
 * A self-contained page (no script; the message is fixed text, escaped anyway) carrying the test id of the view the
 * app would have rendered, so the browser tests find the same element.
 */
function errorPage(page: Exclude<PageStatus, { status: 200 }>): NextResponse {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(page.title)} · Preflight</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#18181b}a{color:#1d4ed8}</style></head><body><main data-testid="${page.testId}"><h1>${escape(page.title)}</h1><p${page.status === 403 ? ' data-testid="read-only-notice"' : ""}>${escape(page.message)}</p><p><a href="/audits">Open a shared link</a> · <a href="/">Preflight home</a></p></main></body></html>`;
  return new NextResponse(body, {
    status: page.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

function withStaticHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static chunks carry no data; the headers in next.config.js still reach them.
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
