/** Fills "{{name}}" placeholders from data, as ESLint does; an unknown placeholder stays visible. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? "");
}
