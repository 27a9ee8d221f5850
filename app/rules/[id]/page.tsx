import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { RULES, ruleById } from "@/lib/rules";

export function generateStaticParams() {
  return RULES.map((rule) => ({ id: rule.meta.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: ruleById(id)?.meta.title ?? "Rule not found" };
}

/** One rule's metadata, rendered from the registry. */
export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const rule = ruleById(id);
  if (!rule) notFound();
  const { meta } = rule;
  return (
    <article className="max-w-3xl space-y-5" data-testid="rule-page" data-rule-id={meta.id}>
      <nav className="text-xs">
        <Link href="/rules" className="text-blue-700 hover:underline dark:text-blue-400">
          ← All rules
        </Link>
      </nav>
      <header className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={meta.severity} />
          <code className="font-mono text-[13px] text-zinc-600 dark:text-zinc-400">{meta.id}</code>
          <span className="text-xs text-zinc-500">confidence: {meta.confidence}</span>
          {meta.fixable ? (
            <span className="rounded bg-emerald-100 px-1.5 py-px text-[11px] text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
              fixable
            </span>
          ) : null}
        </div>
        <h1 className="text-xl font-semibold tracking-tight">{meta.title}</h1>
      </header>
      <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-zinc-500">Browser sends</dt>
        <dd>{meta.browserSends}</dd>
        <dt className="font-medium text-zinc-500">API Gateway answers</dt>
        <dd>{meta.gatewayAnswers}</dd>
        <dt className="font-medium text-zinc-500">Why</dt>
        <dd>{meta.why}</dd>
        <dt className="font-medium text-zinc-500">Needs</dt>
        <dd className="font-mono text-[13px]">{meta.requires.join(", ")}</dd>
        {meta.peers.length > 0 ? (
          <>
            <dt className="font-medium text-zinc-500">Same check in</dt>
            <dd>{meta.peers.map((peer) => `${peer.tool} ${peer.id}`).join(" · ")}</dd>
          </>
        ) : null}
      </dl>
      {meta.disagreeingPeers && meta.disagreeingPeers.length > 0 ? (
        <section className="space-y-1.5" data-testid="disagreeing-peers">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Scanners that will disagree</h2>
          <ul className="space-y-1 text-[13px]">
            {meta.disagreeingPeers.map((peer) => (
              <li key={`${peer.tool} ${peer.id}`} className="rounded border border-zinc-200 px-2 py-1 dark:border-zinc-800">
                <a
                  href={peer.url}
                  className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                  rel="noreferrer"
                  target="_blank"
                >
                  {peer.tool} {peer.id}
                </a>{" "}
                {peer.flags}. Preflight&apos;s advice stands: {peer.reason} The generated IaC carries this tool&apos;s own suppression with
                that reason.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="space-y-1.5">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Messages</h2>
        <ul className="space-y-1 text-[13px]">
          {Object.entries(meta.messages).map(([messageId, template]) => (
            <li key={messageId} className="rounded border border-zinc-200 px-2 py-1 dark:border-zinc-800">
              <code className="mr-2 font-mono text-xs text-zinc-500">{messageId}</code>
              {template}
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-1.5">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">References</h2>
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {meta.docs.map((doc) => (
            <li key={doc.url}>
              <a href={doc.url} className="text-blue-700 hover:underline dark:text-blue-400" rel="noreferrer" target="_blank">
                {doc.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
