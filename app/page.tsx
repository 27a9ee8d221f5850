import Link from "next/link";
import { connection as dynamicRendering } from "next/server";
import { connectionRefusal } from "@/lib/aws/connections/allow-list";
import { listProfiles } from "@/lib/aws/connections/list-profiles";
import { chooseConnection } from "@/app/actions/connect";
import { ApiInventory } from "@/components/connect/api-inventory";
import { ConnectionPicker } from "@/components/connect/connection-picker";
import { ReaderError } from "@/components/connect/reader-error";
import type { ProfileOption } from "@/components/connect/types";
import { ReadOnlyNotice } from "@/components/share/read-only-notice";
import { RecentAudits } from "@/components/share/recent-audits";
import { TemplateSourceCard } from "@/components/templates/template-source-card";
import { deploymentAllowList } from "./_server/allow-list";
import { openConnectionById } from "./_server/connection";
import { inventoryFor } from "./_server/inventory";
import { loadRecent, readOnlyMode } from "./_server/share";

async function profileOptions(): Promise<{ profiles: ProfileOption[]; error?: string }> {
  try {
    // Only the profiles this deployment's allow-list lets a visitor use are offered (names are not shown either).
    const allowList = deploymentAllowList();
    const profiles = (await listProfiles()).filter(
      (p) => !("broken" in allowList) && !connectionRefusal({ kind: "profile", profile: p.name }, allowList),
    );
    return { profiles: profiles.map(({ name, kind, region, supported }) => ({ name, kind, ...(region ? { region } : {}), supported })) };
  } catch (error) {
    // A malformed ~/.aws/config must not take the whole page down; the picker says what is wrong.
    return { profiles: [], error: `Could not read the AWS config files: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function Intro() {
  return (
    <section className="max-w-4xl space-y-1">
      <h1 className="text-2xl font-semibold tracking-tight">Preflight</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Browsers send the CORS preflight <code className="font-mono">OPTIONS</code> request without{" "}
        <code className="font-mono">Authorization</code> or <code className="font-mono">x-api-key</code>. When an API Gateway REST API puts
        its OPTIONS methods behind an authorizer or an API key, the preflight is answered 401 or 403 and the browser reports a CORS error.
        Preflight reads your API and shows where, why, and how to fix it.
      </p>
    </section>
  );
}

/** Team-viewer mode (PREFLIGHT_READ_ONLY=1): no connections, no AWS profiles read; the newest shared audits instead. */
async function ReadOnlyHome() {
  const recent = await loadRecent(50);
  return (
    <div className="space-y-5">
      <Intro />
      <ReadOnlyNotice />
      <RecentAudits audits={recent.ok ? recent.audits : []} error={recent.ok ? undefined : recent.message} />
    </div>
  );
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await dynamicRendering();
  if (readOnlyMode()) return <ReadOnlyHome />;
  const params = await searchParams;
  const connectionId = typeof params.connection === "string" && params.connection ? params.connection : undefined;
  const [{ profiles, error: profilesError }, opened] = await Promise.all([
    profileOptions(),
    connectionId ? openConnectionById(connectionId) : undefined,
  ]);

  return (
    <div className="space-y-5">
      <Intro />

      <ConnectionPicker
        key={`picker:${connectionId ?? ""}`}
        action={chooseConnection}
        current={connectionId}
        profiles={profiles}
        profilesError={profilesError}
      />
      <TemplateSourceCard />

      {!connectionId ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="choose-hint">
          Choose a connection to list its REST APIs in every region, or{" "}
          <Link href="/?connection=demo" className="text-blue-700 underline underline-offset-2 dark:text-blue-400" data-testid="try-demo">
            try the demo
          </Link>
          .
        </p>
      ) : opened && !opened.ok ? (
        <ReaderError error={opened.error} />
      ) : opened?.ok ? (
        <ApiInventory key={connectionId} connection={opened.connection.id} regions={inventoryFor(opened.connection)} />
      ) : null}
    </div>
  );
}
