/**
 * Parses a YAML or JSON template into plain values while keeping the line and column of every node
 * (as cfn-lint's decoder does), so a finding can point at `template.yaml:42:7`. CloudFormation's
 * short-form tags (`!Ref x`, `!GetAtt a.b`, `!Sub …`) become their long form (`{ Ref: "x" }`,
 * `{ "Fn::GetAtt": ["a", "b"] }`), the shape CloudFormation itself reads. Aliases are expanded with a
 * budget so an alias bomb is an error, not an out-of-memory.
 *
 * Two paths give the same result: yaml-fast-parser.ts reads the plain subset templates are written in (about
 * twenty times faster on a large template), and the `yaml` package, the reference, reads everything it declines
 * and gives every error message. Editing a template (lib/remediation/patch) parses its own `yaml` Document.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { SourcePosition, TemplateError } from "@/lib/templates/types";
import { findJsonSyntaxError } from "@/lib/templates/json-syntax";
import { findExcessiveNesting, NESTING_LIMIT } from "@/lib/templates/nesting";
import { withTag } from "@/lib/templates/short-form-tags";
import { fastOffsetOf, parseYamlFast } from "@/lib/templates/yaml-fast-parser";
import { setOwnKey } from "@/lib/templates/index-keys";
import { LineTable } from "@/lib/templates/line-table";

/** A path into the parsed value: keys of mappings and indexes of sequences. */
export type ValuePath = ReadonlyArray<string | number>;

export interface TemplateDocument {
  file: string;
  value: unknown;
  /** Where the node at `path` starts; for a missing path, the nearest ancestor that exists. */
  positionOf(path: ValuePath): SourcePosition;
  /**
   * `positionOf([...base, ...path.slice(0, length)])` without building that path: a reader locates thousands of
   * nodes below one base (an embedded definition), and the joined paths were a megabyte of garbage per large template.
   */
  positionBelow(base: ValuePath, path: ValuePath, length: number): SourcePosition;
}

export type ParseResult = { ok: true; document: TemplateDocument } | { ok: false; error: TemplateError };

const NO_PATH: ValuePath = [];

/** Expanded nodes allowed per document: far above any real template, far below what exhausts memory. */
const NODE_BUDGET = 250_000;

class BudgetExceeded extends Error {}

class DuplicateKey extends Error {
  constructor(
    readonly offset: number,
    readonly key: string,
  ) {
    super(key);
  }
}

/**
 * The last parse, reused when the loader's format detection and then the reader parse the same file. The loader
 * forgets it once the reader is done (`forgetLastParse`): kept, the whole parsed template would stay alive through
 * the audit that follows, and every young-generation collection there would copy it.
 */
let last: { file: string; text: string; result: ParseResult } | undefined;

export function forgetLastParse(): void {
  last = undefined;
}

export function parseTemplateDocument(file: string, text: string): ParseResult {
  if (last && last.file === file && last.text === text) return last.result;
  const result = parseUncached(file, text, true);
  last = { file, text, result };
  return result;
}

/** The reference path alone (the `yaml` package), uncached: what the fast parser is proved against. */
export function parseTemplateDocumentWithYaml(file: string, text: string): ParseResult {
  return parseUncached(file, text, false);
}

function parseUncached(file: string, text: string, fast: boolean): ParseResult {
  if (text.includes("\u0000")) return { ok: false, error: { message: `${file}: a binary file, not a YAML or JSON template` } };
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  // JSON goes through the YAML parser for positions, but YAML forgives what JSON does not ({"a": } is a null).
  if (/\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\s*[{[]/.test(text))) {
    const jsonError = findJsonSyntaxError(text);
    if (jsonError) {
      const position = new LineTable(text).linePos(jsonError.offset);
      return {
        ok: false,
        error: {
          message: `${file}:${position.line}:${position.col}: invalid JSON: ${jsonError.reason}`,
          position: { file, line: position.line, column: position.col },
        },
      };
    }
  }
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    const position = new LineTable(text).linePos(tooDeep);
    return {
      ok: false,
      error: {
        message: `${file}:${position.line}:${position.col}: nested more than ${NESTING_LIMIT} levels deep; not read`,
        position: { file, line: position.line, column: position.col },
      },
    };
  }
  if (fast) {
    const read = parseYamlFast(text, NODE_BUDGET);
    if (read) {
      let counter: LineTable | undefined;
      const positionBelow = (base: ValuePath, path: ValuePath, length: number): SourcePosition => {
        counter ??= new LineTable(text);
        const { line, col } = counter.linePos(fastOffsetOf(read.positions, base, path, length));
        return { file, line, column: col };
      };
      const positionOf = (path: ValuePath): SourcePosition => positionBelow(NO_PATH, path, path.length);
      return { ok: true, document: { file, value: read.value, positionOf, positionBelow } };
    }
  }
  // Duplicate keys are refused below in one pass: the parser's own uniqueKeys check compares every key with every
  // other key of its map, which is quadratic in a template's Resources.
  // The parser records a YAMLWarning (an Error, with a captured stack) for every tag it does not know, i.e. every
  // !Ref / !Sub: capturing thousands of stacks costs seconds on a large template, so none are captured here.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let yaml: Document;
  try {
    yaml = parseDocument(text, { lineCounter, version: "1.1", prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const first = yaml.errors[0];
  if (first) {
    const position = at(first.pos[0]);
    const reason = first.message.split("\n")[0] ?? "invalid YAML";
    return { ok: false, error: { message: `${file}:${position.line}:${position.column}: ${reason}`, position } };
  }

  let budget = NODE_BUDGET;
  const expanding: unknown[] = [];
  // Alias.resolve searches the whole document for its anchor: cache it, or an alias bomb costs seconds, not budget.
  const aliasTargets = new Map<unknown, unknown>();
  const convert = (node: unknown): unknown => {
    if (--budget < 0) throw new BudgetExceeded();
    if (isAlias(node)) {
      let target = aliasTargets.get(node);
      if (target === undefined) {
        target = node.resolve(yaml) ?? null;
        aliasTargets.set(node, target);
      }
      if (!target || expanding.includes(target)) return null;
      expanding.push(target);
      try {
        return convert(target);
      } finally {
        expanding.pop();
      }
    }
    const n = node as Node | null;
    let value: unknown;
    if (isMap(n)) {
      const object: Record<string, unknown> = {};
      for (const pair of n.items) {
        const keyNode = pair.key;
        const name = keyName(keyNode);
        if (Object.prototype.hasOwnProperty.call(object, name))
          throw new DuplicateKey(
            keyNode && typeof keyNode === "object" && "range" in keyNode && Array.isArray(keyNode.range) ? (keyNode.range[0] as number) : 0,
            name,
          );
        const child = convert(pair.value);
        setOwnKey(object, name, child);
      }
      value = object;
    } else if (isSeq(n)) {
      value = n.items.map((item) => convert(item));
    } else if (isScalar(n)) {
      value = n.value;
    } else {
      value = null;
    }
    const tag = n && "tag" in n ? n.tag : undefined;
    return withTag(typeof tag === "string" ? tag : undefined, value);
  };

  let value: unknown;
  try {
    value = convert(yaml.contents);
  } catch (error) {
    if (error instanceof DuplicateKey) {
      const position = at(error.offset);
      return {
        ok: false,
        error: {
          message: `${file}:${position.line}:${position.column}: Map keys must be unique ("${error.key.slice(0, 100)}" appears twice)`,
          position,
        },
      };
    }
    // The parser bounds its own nesting; this keeps a deeper structure it accepted from escaping as a throw.
    if (error instanceof RangeError) return { ok: false, error: { message: `${file}: nested too deeply to read` } };
    if (error instanceof BudgetExceeded) {
      return {
        ok: false,
        error: { message: `${file}: more than ${NODE_BUDGET.toLocaleString("en")} nodes after expanding YAML aliases (an alias bomb?)` },
      };
    }
    throw error;
  }

  const positionOf = (path: ValuePath): SourcePosition => {
    const offset = offsetOf(yaml.contents, path);
    return offset === undefined ? { file, line: 1, column: 1 } : at(offset);
  };
  const positionBelow = (base: ValuePath, path: ValuePath, length: number): SourcePosition =>
    positionOf([...base, ...path.slice(0, length)]);
  return { ok: true, document: { file, value, positionOf, positionBelow } };
}

/** A mapping key as the converted object names it. */
function keyName(keyNode: unknown): string {
  return isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
}

function rangeStart(node: unknown): number | undefined {
  const range = node && typeof node === "object" && "range" in node ? (node as { range?: unknown }).range : undefined;
  return Array.isArray(range) ? (range[0] as number) : undefined;
}

/** Each mapping's entries by key, built on its first lookup: a reader asks for the position of every element. */
const entryIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function entriesOf(map: YAMLMap): Map<string, Pair> {
  let index = entryIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = keyName(pair.key);
      if (!index.has(name)) index.set(name, pair);
    }
    entryIndexes.set(map, index);
  }
  return index;
}

/**
 * Where the node at `path` starts, found on demand in the parsed YAML (no table of every node's position is built
 * for the few positions findings and gaps ask for). A mapping entry is located at its key; an alias at the alias
 * itself, and nothing inside what it expands to has a position of its own; a path that does not exist (or goes
 * inside a short-form tag's long form) gives the nearest ancestor that does.
 */
function offsetOf(root: unknown, path: ValuePath): number | undefined {
  let node = root;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isAlias(node) || !node) return offset;
    const name = String(segment);
    if (isMap(node)) {
      const pair = entriesOf(node).get(name);
      if (!pair) return offset;
      // As the conversion records them: an alias value at the alias, else at a scalar key, else at the value.
      offset =
        (isAlias(pair.value) ? rangeStart(pair.value) : undefined) ??
        (isScalar(pair.key) ? rangeStart(pair.key) : undefined) ??
        rangeStart(pair.value) ??
        offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = Number(name);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length || String(index) !== name) return offset;
      node = node.items[index];
      offset = rangeStart(node) ?? offset;
    } else return offset;
  }
  return offset;
}
