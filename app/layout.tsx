import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { currentViewer } from "@/app/_server/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Preflight", template: "%s · Preflight" },
  description: "Find the API Gateway settings behind the random 403 on CORS preflight OPTIONS requests.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) must be stamped on Next's scripts,
  // and a prerendered page would carry none (https://nextjs.org/docs/app/guides/content-security-policy).
  await connection();
  const viewer = await currentViewer();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-2 focus:py-1 dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav aria-label="Main" className="mx-auto flex h-11 max-w-screen-2xl items-center gap-5 px-4 text-sm">
            <Link href="/" className="flex items-center gap-1.5 font-semibold tracking-tight">
              <span aria-hidden className="rounded bg-zinc-900 px-1 font-mono text-[11px] text-white dark:bg-zinc-100 dark:text-zinc-900">
                OPTIONS
              </span>
              Preflight
            </Link>
            <Link href="/?connection=demo" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
              Demo
            </Link>
            <Link href="/rules" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
              Rules
            </Link>
            {viewer.signInRequired && viewer.user ? (
              <span className="ml-auto flex items-center gap-3 text-zinc-600 dark:text-zinc-400" data-testid="signed-in-as">
                {viewer.user.email}
                <Link href="/api/auth/signout" prefetch={false} className="underline underline-offset-2">
                  Sign out
                </Link>
              </span>
            ) : null}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-screen-2xl px-4 py-4">
          {children}
        </main>
      </body>
    </html>
  );
}
