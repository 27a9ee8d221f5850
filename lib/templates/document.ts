/**
 * Parses a YAML or JSON template into plain values while keeping the line and column of every node
 * (as cfn-lint's decoder does), so a finding can point at `template.yaml:42:7`. CloudFormation's
 * short-form tags (`!Ref x`, `!GetAtt a.b`, `!Sub …`) become their long form (`{ Ref: "x" }`,
 * `{ "Fn::GetAtt": ["a", "b"] }`), the shape CloudFormation itself reads. Aliases are expanded with a
 * budget so an alias bomb is an error, not an out-of-memory.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { SourcePosition, TemplateError } from "@/lib/templates/types";
import { findJsonSyntaxError } from "@/lib/templates/json-syntax";
import { findExcessiveNesting, NESTING_LIMIT } from "@/lib/templates/nesting";

/** A path into the parsed value: keys of mappings and indexes of sequences. */
export type ValuePath = ReadonlyArray<string | number>;

export interface TemplateDocument {
  file: string;
  value: unknown;
  /** Where the node at `path` starts; for a missing path, the nearest ancestor that exists. */
  positionOf(path: ValuePath): SourcePosition;
  /** The underlying YAML document (shared with the parse cache: clone it, or parse afresh, before editing). */
  yaml: Document;
  lineCounter: LineCounter;
}

export type ParseResult = { ok: true; document: TemplateDocument } | { ok: false; error: TemplateError };

/** Expanded nodes allowed per document: far above any real template, far below what exhausts memory. */
const NODE_BUDGET = 250_000;

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
const SHORT_FORM_TAGS = new Set([
  "Base64",
  "Cidr",
  "Condition",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "Ref",
  "And",
  "Equals",
  "If",
  "Not",
  "Or",
  "Length",
  "ToJsonString",
]);

function pointer(path: ValuePath): string {
  return path.map(escapeSegment).join("/");
}

function lineCounterFor(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  let offset = text.indexOf("\n");
  while (offset >= 0) {
    counter.addNewLine(offset + 1);
    offset = text.indexOf("\n", offset + 1);
  }
  return counter;
}

class BudgetExceeded extends Error {}

class DuplicateKey extends Error {
  constructor(
    readonly offset: number,
    readonly key: string,
  ) {
    super(key);
  }
}

function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The pointer of a child: `parent` null is the document root (the same strings `pointer` builds). */
function childPointer(parent: string | null, segment: string | number): string {
  return parent === null ? escapeSegment(segment) : `${parent}/${escapeSegment(segment)}`;
}

/** The last parse, reused when the loader's format detection and then the reader parse the same file. */
let last: { file: string; text: string; result: ParseResult } | undefined;

export function parseTemplateDocument(file: string, text: string): ParseResult {
  if (last && last.file === file && last.text === text) return last.result;
  const result = parseUncached(file, text);
  last = { file, text, result };
  return result;
}

function parseUncached(file: string, text: string): ParseResult {
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
      const position = lineCounterFor(text).linePos(jsonError.offset);
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
    const position = lineCounterFor(text).linePos(tooDeep);
    return {
      ok: false,
      error: {
        message: `${file}:${position.line}:${position.col}: nested more than ${NESTING_LIMIT} levels deep; not read`,
        position: { file, line: position.line, column: position.col },
      },
    };
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

  const positions = new Map<string, number>();
  let budget = NODE_BUDGET;
  // Inside an expanded alias, positions stay those of the alias itself (none are recorded while expanding).
  const expanding: unknown[] = [];
  // Alias.resolve searches the whole document for its anchor: cache it, or an alias bomb costs seconds, not budget.
  const aliasTargets = new Map<unknown, unknown>();
  const convert = (node: unknown, ptr: string | null): unknown => {
    if (--budget < 0) throw new BudgetExceeded();
    const key = ptr ?? "";
    if (isAlias(node)) {
      let target = aliasTargets.get(node);
      if (target === undefined) {
        target = node.resolve(yaml) ?? null;
        aliasTargets.set(node, target);
      }
      if (!target || expanding.includes(target)) return null;
      if (node.range && expanding.length === 0) positions.set(key, node.range[0]);
      expanding.push(target);
      try {
        return convert(target, ptr);
      } finally {
        expanding.pop();
      }
    }
    const n = node as Node | null;
    if (n?.range && expanding.length === 0 && !positions.has(key)) positions.set(key, n.range[0]);
    let value: unknown;
    if (isMap(n)) {
      const object: Record<string, unknown> = {};
      for (const pair of n.items) {
        const keyNode = pair.key;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (Object.prototype.hasOwnProperty.call(object, name))
          throw new DuplicateKey(
            keyNode && typeof keyNode === "object" && "range" in keyNode && Array.isArray(keyNode.range) ? (keyNode.range[0] as number) : 0,
            name,
          );
        const child = childPointer(ptr, name);
        if (isScalar(keyNode) && keyNode.range && expanding.length === 0) positions.set(child, keyNode.range[0]);
        // defineProperty: a key named "__proto__" stays an own key instead of replacing the prototype.
        Object.defineProperty(object, name, { value: convert(pair.value, child), enumerable: true, writable: true, configurable: true });
      }
      value = object;
    } else if (isSeq(n)) {
      value = n.items.map((item, index) => convert(item, childPointer(ptr, index)));
    } else if (isScalar(n)) {
      value = n.value;
    } else {
      value = null;
    }
    const tag = n && "tag" in n ? n.tag : undefined;
    if (typeof tag === "string" && tag.startsWith("!") && !tag.startsWith("!!")) {
      const name = tag.slice(1);
      if (SHORT_FORM_TAGS.has(name)) return longForm(name, value);
    }
    return value;
  };

  let value: unknown;
  try {
    value = convert(yaml.contents, null);
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
    for (let length = path.length; length >= 0; length--) {
      const offset = positions.get(pointer(path.slice(0, length)));
      if (offset !== undefined) return at(offset);
    }
    return { file, line: 1, column: 1 };
  };
  return { ok: true, document: { file, value, positionOf, yaml, lineCounter } };
}

function longForm(name: string, value: unknown): unknown {
  if (name === "Ref") return { Ref: value };
  if (name === "Condition") return { Condition: value };
  // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}
