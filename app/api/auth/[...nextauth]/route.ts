import NextAuth from "next-auth";
import { authOptions, signInSettings } from "@/app/_server/auth-options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

/** NextAuth's sign-in, callback and sign-out endpoints; absent (404) when this deployment has no sign-in. */
async function handle(request: Request, context: Context): Promise<Response> {
  if (!signInSettings().configured) return new Response("Sign-in is not configured on this Preflight.", { status: 404 });
  // NextAuth v4's App Router handler reads the catch-all segments from context.params.
  return NextAuth(authOptions())(request, context) as Promise<Response>;
}

export { handle as GET, handle as POST };
