export default function HomePage() {
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Preflight</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Browsers send the CORS preflight <code className="font-mono">OPTIONS</code> request without{" "}
        <code className="font-mono">Authorization</code> or <code className="font-mono">x-api-key</code>. When an API
        Gateway REST API puts its OPTIONS methods behind an authorizer or an API key, the preflight is answered 401 or
        403 and the browser reports a CORS error. Preflight reads your API and shows where, why, and how to fix it.
      </p>
    </section>
  );
}
