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
    out += valueOf(data, names[i] as string, wholes[i] as string);
    out += texts[i + 1] as string;
  }
  return out;
}

/** A placeholder's text: `name in data ? String(data[name]) : whole`, with one lookup where there is a value. */
function valueOf(data: Record<string, string | number>, name: string, whole: string): string {
  const value: unknown = data[name];
  // `in` also sees inherited names, and a name present with the value undefined renders "undefined".
  if (typeof value === "string") return value;
  if (value !== undefined) return String(value);
  return name in data ? "undefined" : whole;
}

/**
 * # Messages of one run, sharing their common ends and starts
 *
 * A string built with `+` is a rope in V8: each join a 32-byte cell pointing at its two halves. A rule's findings
 * mostly differ in their first placeholders (the method and path) and repeat the rest ("(MOCK integration) answers
 * without …: <the same problem>. Browsers block …"), and every finding's message outlives the audit: 13,000 findings
 * kept about 90,000 cells (63,000 with shared ends), copied by each scavenge that found them alive (issue 16). So a run
 * renders each template's text from the first placeholder whose value, and every value after it, equal the previous
 * message's as one string, joined from the right once and shared by the messages that follow while those values stay
 * the same. The text before it is joined as renderMessage joins it, from the text before the first value that changed,
 * itself one string shared likewise. The text is renderMessage's either way (render-message.test.ts).
 *
 * Made per rule run (lib/audit/run-rules.ts), so nothing is shared between audits. Joining the whole message into one
 * flat string instead (Array.prototype.join) kept as many bytes and made the run 10–25 % slower (measured in one
 * process, old and new alternated).
 */
export interface MessageRun {
  byTemplate: Map<string, TemplateRun>;
  /** The template rendered last: a rule's findings mostly share one, found without a look-up. */
  last: TemplateRun | undefined;
}

interface TemplateRun {
  template: string;
  compiled: Compiled;
  /** The previous message's values, by placeholder (undefined before the first). */
  values: Array<string | undefined>;
  /** The array the next message's values are read into (the two are swapped after each message). */
  spare: Array<string | undefined>;
  /** The first placeholder of the previous message's shared end: `tail` is its text from texts[split] on. */
  split: number;
  tail: string;
  /** The first placeholder whose value the previous message did not share with the one before: `head` is its text before it. */
  first: number;
  head: string;
}

export function messageRun(): MessageRun {
  return { byTemplate: new Map(), last: undefined };
}

/** renderMessage(template, data), sharing the start and end it has in common with the run's previous message of this template. */
export function renderInRun(run: MessageRun, template: string, data: Record<string, string | number> = NO_DATA): string {
  let state = run.last !== undefined && run.last.template === template ? run.last : run.byTemplate.get(template);
  if (state === undefined) {
    const compiled = compile(template);
    const count = compiled.names.length;
    state = {
      template,
      compiled,
      values: new Array(count).fill(undefined),
      spare: new Array(count).fill(undefined),
      split: count,
      tail: compiled.texts[count] as string,
      first: 0,
      head: compiled.texts[0] as string,
    };
    run.byTemplate.set(template, state);
  }
  run.last = state;
  const { texts, names, wholes } = state.compiled;
  const count = names.length;
  const values = state.spare;
  for (let i = 0; i < count; i++) values[i] = valueOf(data, names[i] as string, wholes[i] as string);
  const previous = state.values;
  let split = count;
  while (split > 0 && values[split - 1] === previous[split - 1]) split--;
  let tail = state.tail;
  if (split !== state.split) {
    // Joined from the right, from the previous end when this one contains it (the values after it are the same).
    let from = count;
    tail = texts[count] as string;
    if (split < state.split) {
      from = state.split;
      tail = state.tail;
    }
    for (let i = from - 1; i >= split; i--) tail = (texts[i] as string) + ((values[i] as string) + tail);
  }
  let out = tail;
  if (split > 0) {
    // The start up to the first value that changed ("GET " before the path) is the previous message's too when the
    // same placeholder changed first: kept as one string rather than joined again for every message.
    let first = 0;
    while (values[first] === previous[first]) first++;
    if (first !== state.first) {
      let head = texts[0] as string;
      for (let i = 0; i < first; i++) head = head + (values[i] as string) + (texts[i + 1] as string);
      state.first = first;
      state.head = head;
    }
    let start = state.head + (values[first] as string);
    for (let i = first + 1; i < split; i++) start = start + (texts[i] as string) + (values[i] as string);
    out = start + tail;
  }
  state.spare = previous;
  state.values = values;
  state.split = split;
  state.tail = tail;
  return out;
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
