const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * A template split once: texts[0], value of names[0], texts[1], … texts[names.length]. Three arrays of strings rather
 * than one of strings and objects, so the render loop sees one kind of element (13,000 findings render one each).
 */
interface Compiled {
  texts: readonly string[];
  names: readonly string[];
  /** Each placeholder as written, kept when data has no value for it. */
  wholes: readonly string[];
}

// A rule's few templates are rendered once per finding (13,000 findings in a 10,000-method API): each is split into
// text and placeholders once. Templates come from rule metas, so the cache stays small; it is bounded all the same.
const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 500;

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (parts) return parts;
  const texts: string[] = [];
  const names: string[] = [];
  const wholes: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, match.index));
    names.push(match[1] ?? "");
    wholes.push(match[0]);
    last = match.index + match[0].length;
  }
  texts.push(template.slice(last));
  parts = { texts, names, wholes };
  if (compiled.size < MAX_COMPILED) compiled.set(template, parts);
  return parts;
}

const NO_DATA: Readonly<Record<string, string | number>> = Object.freeze({});

/** Fills "{{name}}" placeholders from data, as ESLint does; an unknown placeholder stays visible. */
export function renderMessage(template: string, data: Record<string, string | number> = NO_DATA): string {
  const { texts, names, wholes } = compile(template);
  let out = texts[0] as string;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value: unknown = data[name];
    // As `name in data ? String(data[name]) : whole`, with one lookup where there is a value (`in` also sees
    // inherited names, and a name present with the value undefined renders "undefined").
    if (typeof value === "string") out += value;
    else if (value !== undefined) out += String(value);
    else out += name in data ? "undefined" : (wholes[i] as string);
    out += texts[i + 1] as string;
  }
  return out;
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
