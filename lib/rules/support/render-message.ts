const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

interface Placeholder {
  name: string;
  /** The placeholder as written, kept when data has no value for it. */
  whole: string;
}

// A rule's few templates are rendered once per finding (13,000 findings in a 10,000-method API): each is split into
// text and placeholders once. Templates come from rule metas, so the cache stays small; it is bounded all the same.
const compiled = new Map<string, ReadonlyArray<string | Placeholder>>();
const MAX_COMPILED = 500;

function compile(template: string): ReadonlyArray<string | Placeholder> {
  let parts = compiled.get(template);
  if (parts) return parts;
  const list: Array<string | Placeholder> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    list.push(template.slice(last, match.index), { name: match[1] ?? "", whole: match[0] });
    last = match.index + match[0].length;
  }
  list.push(template.slice(last));
  parts = list;
  if (compiled.size < MAX_COMPILED) compiled.set(template, parts);
  return parts;
}

/** Fills "{{name}}" placeholders from data, as ESLint does; an unknown placeholder stays visible. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  let out = "";
  for (const part of compile(template)) {
    if (typeof part === "string") out += part;
    else out += part.name in data ? String(data[part.name]) : part.whole;
  }
  return out;
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
