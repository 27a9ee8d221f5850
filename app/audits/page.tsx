import type { Metadata } from "next";
import { connection as dynamicRendering } from "next/server";
import { Callout } from "@/components/ui/callout";
import { OpenLinkForm } from "@/components/share/open-link-form";
import { ReadOnlyNotice } from "@/components/share/read-only-notice";
import { readOnlyMode } from "@/app/_server/share";

export const metadata: Metadata = { title: "Shared audits" };

export default async function SharedAuditsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await dynamicRendering();
  const { deleted } = await searchParams;
  return (
    <div className="max-w-3xl space-y-4" data-testid="shared-audits">
      <h1 className="text-xl font-semibold tracking-tight">Shared audits</h1>
      {deleted === "1" ? (
        <Callout tone="info" title="The shared audit was deleted" testId="deleted-notice">
          Its link and the comparison links that used it no longer work.
        </Callout>
      ) : deleted === "0" ? (
        <Callout tone="info" title="That shared audit was already gone" testId="deleted-notice" />
      ) : null}
      {readOnlyMode() ? <ReadOnlyNotice /> : null}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A shared audit is an immutable snapshot of one API&apos;s audit: anyone with its link sees the matrix, findings and fixes without
        AWS credentials. Each API&apos;s shared audits are listed on its audit pages, where any two can be compared.
      </p>
      <OpenLinkForm />
    </div>
  );
}
