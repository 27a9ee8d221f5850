/**
 * Parses a YAML or JSON template into plain values while keeping the line and column of every node
 * (as cfn-lint's decoder does), so a finding can point at `template.yaml:42:7`. CloudFormation's
 * short-form tags (`!Ref x`, `!GetAtt a.b`, `!Sub …`) become their long form (`{ Ref: "x" }`,
 * `{ "Fn::GetAtt": ["a", "b"] }`), the shape CloudFormation itself reads. Aliases are expanded with a
 * budget so an alias bomb is an error, not an out-of-memory.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { SourcePosition, TemplateError } from "@/lib/templates/types";

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
  "Base64", "Cidr", "Condition", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
  "Transform", "Ref", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
]);

function pointer(path: ValuePath): string {
  return path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

class BudgetExceeded extends Error {}

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
  const yaml = parseDocument(text, { lineCounter, version: "1.1", prettyErrors: false, keepSourceTokens: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
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
  const convert = (node: unknown, path: (string | number)[]): unknown => {
    if (--budget < 0) throw new BudgetExceeded();
    if (isAlias(node)) {
      const target = node.resolve(yaml);
      if (!target || expanding.includes(target)) return null;
      if (node.range && expanding.length === 0) positions.set(pointer(path), node.range[0]);
      expanding.push(target);
      try {
        return convert(target, path);
      } finally {
        expanding.pop();
      }
    }
    const n = node as Node | null;
    if (n?.range && expanding.length === 0 && !positions.has(pointer(path))) positions.set(pointer(path), n.range[0]);
    let value: unknown;
    if (isMap(n)) {
      const object: Record<string, unknown> = {};
      for (const pair of n.items) {
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const childPath = [...path, key];
        if (isScalar(keyNode) && keyNode.range && expanding.length === 0) positions.set(pointer(childPath), keyNode.range[0]);
        // defineProperty: a key named "__proto__" stays an own key instead of replacing the prototype.
        Object.defineProperty(object, key, { value: convert(pair.value, childPath), enumerable: true, writable: true, configurable: true });
      }
      value = object;
    } else if (isSeq(n)) {
      value = n.items.map((item, index) => convert(item, [...path, index]));
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
    value = convert(yaml.contents, []);
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      return { ok: false, error: { message: `${file}: more than ${NODE_BUDGET.toLocaleString("en")} nodes after expanding YAML aliases (an alias bomb?)` } };
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
