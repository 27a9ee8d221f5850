import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { signInEnv } from "@/lib/auth/deployment-env.mjs";
import { hostRefusal } from "@/lib/auth/host-check";
import { isPublicPath } from "@/lib/auth/public-paths";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";

/**
 * Runs before every route (https://nextjs.org/docs/app/api-reference/file-conventions/proxy):
 * 1. refuses a Host that is not this app's own (DNS rebinding), 421 Misdirected Request (RFC 9110 section 15.5.20);
 * 2. with sign-in configured, sends a visitor without a session to sign in (pages) or answers 401 (API routes and
 *    server actions) — pages, actions and routes check the session again themselves;
 * 3. sets the Content-Security-Policy with a fresh nonce, and the other security headers.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = process.env;
  const refusal = hostRefusal(request.headers.get("host"), env);
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

function withStaticHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static chunks carry no data; the headers in next.config.js still reach them.
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
