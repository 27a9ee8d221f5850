import { connection as dynamicRendering } from "next/server";
import { SweepView } from "@/components/sweep/sweep-view";
import { ReadOnlyNotice } from "@/components/share/read-only-notice";
import { readOnlyMode } from "@/app/_server/share";

export const metadata = { title: "Sweep" };

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** /sweep?connection=a&connection=b[&region=r…]: every REST API of several accounts, audited in the background. */
export default async function SweepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await dynamicRendering();
  if (readOnlyMode()) return <ReadOnlyNotice />;
  const params = await searchParams;
  const connections = list(params.connection).slice(0, 10);
  const regions = list(params.region);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold tracking-tight">Sweep</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every REST API of {connections.length} connection{connections.length === 1 ? "" : "s"} in{" "}
        {regions.length > 0 ? regions.join(", ") : "every commercial region"}: accounts are read at once, each within its own API Gateway
        quota, and every audit lands in the read-once cache.
      </p>
      {connections.length > 0 ? (
        <SweepView connections={connections} regions={regions} />
      ) : (
        <p className="text-sm" data-testid="sweep-empty">
          Add <code>?connection=…</code> for each account to sweep.
        </p>
      )}
    </div>
  );
}
