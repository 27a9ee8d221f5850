/** "template.yaml:42:7": where a template source wrote the element a finding targets (the server finds it). */
export function SourceLocation({ location }: { location: string }) {
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="finding-location" data-location={location}>
      Written at <code className="font-mono text-zinc-900 dark:text-zinc-100">{location}</code>
    </p>
  );
}
