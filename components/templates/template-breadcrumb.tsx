import Link from "next/link";
import { Fragment } from "react";

export interface Crumb {
  label: string;
  href?: string;
  mono?: boolean;
}

/** "Sources / Template / 2 APIs uploaded … / ServerlessApi": where a template page sits; the last crumb is the page itself. */
export function TemplateBreadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-xs text-zinc-500 dark:text-zinc-400">
      {crumbs.map((crumb, index) => (
        <Fragment key={index}>
          {index > 0 ? " / " : null}
          {crumb.href ? (
            <Link href={crumb.href} className={crumb.mono ? "font-mono hover:underline" : "hover:underline"}>
              {crumb.label}
            </Link>
          ) : (
            <span className={crumb.mono ? "font-mono" : undefined} aria-current="page">
              {crumb.label}
            </span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}

/** "2026-11-30T16:52:39.123Z" → "2026-11-30 16:52 UTC". */
export function uploadedAt(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
