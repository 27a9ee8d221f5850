/**
 * Minimal text edits to a YAML or JSON template, computed from the `yaml` library's node ranges: the patch
 * changes only the bytes of the keys it sets, adds or removes, so comments, key order, quoting, indentation
 * and short-form tags (`!Ref`) everywhere else stay as written. Re-serialising the Document (`toString()`)
 * would re-flow the whole file, which is why the edits are splices of the original text.
 *
 * A change is described as a `MergeSpec` (the keys to set under a mapping, nested), merged into an existing
 * mapping node. Values are rendered as literals of the file's own syntax: JSON inside flow collections (valid
 * YAML too), the `yaml` library's quoting in block YAML, so a hostile name always stays one quoted scalar.
 */
import { isMap, isScalar, isSeq, stringify, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { jsValue, jsonDocument } from "@/lib/remediation/formats/literals/js";
import { safeYamlTags } from "@/lib/remediation/formats/literals/yaml";

/** Remove the key. */
export const DELETE: unique symbol = Symbol("delete");

/** Set the key's value as a whole (a list, or a mapping that must not be merged with what is there). */
export class Replace {
  constructor(readonly value: unknown) {}
}

/**
 * Merge `spec` into the item of a list of mappings whose `key` equals `value` (and each of `also`'s keys its value, for
 * items named by two keys such as a MethodSetting's ResourcePath and HttpMethod), appending `whole` when none does.
 */
export class InSeq {
  constructor(
    readonly key: string,
    readonly value: string,
    readonly spec: MergeSpec,
    readonly whole?: Record<string, unknown>,
    readonly also: Readonly<Record<string, string>> = {},
  ) {}

  /** The match keys and values, in order. */
  get keys(): Array<[string, string]> {
    return [[this.key, this.value], ...Object.entries(this.also)];
  }
}

export type MergeValue = string | number | boolean | MergeSpec | typeof DELETE | Replace | InSeq[];
export interface MergeSpec {
  [key: string]: MergeValue;
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A change that cannot be made as a minimal edit (the caller reports it instead of guessing). */
export class EditRefused extends Error {}

type Range = [number, number, number];

function rangeOf(node: Node | null | undefined): Range {
  const range = node?.range;
  if (!range) throw new EditRefused("a node without source range");
  return range as Range;
}

function isPlainSpec(value: MergeValue): value is MergeSpec {
  return typeof value === "object" && value !== null && !(value instanceof Replace) && !Array.isArray(value);
}

/** The plain value a spec stands for when the key does not exist yet (deletions dropped). */
export function plainOf(value: MergeValue | unknown): unknown {
  if (value instanceof Replace) return value.value;
  if (Array.isArray(value) && value.every((item) => item instanceof InSeq))
    return (value as InSeq[]).map((item) => item.whole ?? { ...Object.fromEntries(item.keys), ...(plainOf(item.spec) as object) });
  if (isPlainSpec(value as MergeValue)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as MergeSpec)) {
      if (item === DELETE) continue;
      Object.defineProperty(out, key, { value: plainOf(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String((pair.key as Scalar).value) : undefined;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair as Pair) === key) as Pair | undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just after the newline ending the line that holds `offset - 1` (the text's end without one). */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === "\n") return end;
  const newline = text.indexOf("\n", end);
  return newline < 0 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The indentation unit the file uses (difference between a nested key and its parent), 2 when unknown. */
function indentUnitOf(text: string): number {
  const match = /\n( +)\S[^\n]*\n\1( +)\S/.exec(text);
  const unit = match?.[2]?.length ?? 2;
  return unit >= 1 && unit <= 8 ? unit : 2;
}

/** Block YAML for `value` under `key`, each line prefixed with `indent` (a trailing newline included). */
function blockPair(key: string, value: unknown, indent: string, unit: number): string {
  return indented({ [key]: value }, indent, unit);
}

/** Block YAML for one list item (`- …`), each line prefixed with `indent`. */
function blockItem(value: unknown, indent: string, unit: number): string {
  return indented([value], indent, unit);
}

function indented(value: unknown, indent: string, unit: number): string {
  const rendered = stringify(value, {
    indent: unit,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    customTags: safeYamlTags(),
  });
  return rendered
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => indent + line)
    .join("\n")
    .concat("\n");
}

/** JSON for a value inside a flow collection whose items sit at `indent` (multi-line like its neighbours, or on one line). */
function jsonValue(value: unknown, indent: string, unit: number, multiline: boolean): string {
  if (!multiline) return jsValue(value);
  return jsonDocument(value, unit).replaceAll("\n", `\n${indent}`);
}

/** A scalar literal in block YAML (one line: the values Preflight writes have no newline). */
function blockScalar(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, customTags: safeYamlTags() }).replace(/\n$/, "");
}

export class TemplateEditor {
  private readonly edits: TextEdit[] = [];
  private readonly unit: number;

  constructor(readonly text: string) {
    this.unit = indentUnitOf(text);
  }

  /** Merge `spec` into the mapping `map`. */
  merge(map: YAMLMap, spec: MergeSpec): void {
    const inserts: Array<[string, unknown]> = [];
    for (const [key, want] of Object.entries(spec)) {
      const pair = findPair(map, key);
      if (want === DELETE) {
        if (pair) this.deletePair(map, pair);
        continue;
      }
      if (!pair) {
        inserts.push([key, plainOf(want)]);
        continue;
      }
      const current = pair.value as Node | null;
      if (isPlainSpec(want) && isMap(current) && !current.tag) this.merge(current, want);
      else if (Array.isArray(want) && isSeq(current) && !current.tag) for (const item of want) this.mergeSeq(current, item);
      else if (!isPlainSpec(want) && !(want instanceof Replace) && !Array.isArray(want) && isScalar(current) && !current.tag) {
        if ((current as Scalar).value === want) continue;
        const [start, end] = rangeOf(current);
        this.edits.push({ start, end, text: map.flow ? jsValue(want) : blockScalar(want) });
      } else this.replaceValue(map, pair, plainOf(want));
    }
    if (inserts.length > 0) this.insert(map, inserts);
  }

  private mergeSeq(seq: YAMLSeq, item: InSeq): void {
    const found = seq.items.find(
      (node) =>
        isMap(node) &&
        item.keys.every(
          ([key, value]) => isScalar(findPair(node, key)?.value) && String((findPair(node, key)?.value as Scalar).value) === value,
        ),
    );
    if (found) {
      this.merge(found as YAMLMap, item.spec);
      return;
    }
    const whole = plainOf([item]) as unknown[];
    this.append(seq, whole[0]);
  }

  private append(seq: YAMLSeq, value: unknown): void {
    const last = seq.items.at(-1) as Node | undefined;
    if (seq.flow || !last) {
      if (!last) throw new EditRefused("appending to an empty list");
      const [, end] = rangeOf(last);
      const first = rangeOf(seq.items[0] as Node)[0];
      const multiline = this.text.slice(rangeOf(seq)[0], first).includes("\n");
      const indent = " ".repeat(columnOf(this.text, first));
      this.edits.push({ start: end, end, text: `,${multiline ? `\n${indent}` : " "}${jsonValue(value, indent, this.unit, multiline)}` });
      return;
    }
    // The "- " of a block sequence sits 2 columns before its item's content.
    const dash = this.text.lastIndexOf("-", rangeOf(seq.items[0] as Node)[0]);
    const indent = " ".repeat(columnOf(this.text, dash));
    const at = afterLine(this.text, rangeOf(last)[1]);
    this.edits.push({
      start: at,
      end: at,
      text: `${at === this.text.length && !this.text.endsWith("\n") ? "\n" : ""}${blockItem(value, indent, this.unit)}`,
    });
  }

  private insert(map: YAMLMap, entries: Array<[string, unknown]>): void {
    const last = map.items.at(-1) as Pair | undefined;
    if (map.flow) {
      const [mapStart, mapEnd] = rangeOf(map);
      if (!last) {
        const open = this.text.indexOf("{", mapStart);
        if (open < 0 || open >= mapEnd) throw new EditRefused("an empty mapping without braces");
        this.edits.push({
          start: open + 1,
          end: open + 1,
          text: entries.map(([key, value]) => `${jsValue(key)}: ${jsValue(value)}`).join(", "),
        });
        return;
      }
      const firstKey = rangeOf((map.items[0] as Pair).key as Node)[0];
      const multiline = this.text.slice(mapStart, firstKey).includes("\n");
      const indent = " ".repeat(columnOf(this.text, firstKey));
      const end = rangeOf((last.value ?? last.key) as Node)[1];
      const text = entries
        .map(([key, value]) => `,${multiline ? `\n${indent}` : " "}${jsValue(key)}: ${jsonValue(value, indent, this.unit, multiline)}`)
        .join("");
      this.edits.push({ start: end, end, text });
      return;
    }
    if (!last) throw new EditRefused("an empty block mapping");
    const firstKey = rangeOf((map.items[0] as Pair).key as Node)[0];
    const indent = " ".repeat(columnOf(this.text, firstKey));
    const end = rangeOf((last.value ?? last.key) as Node)[1];
    const at = afterLine(this.text, end);
    const lead = at === this.text.length && !this.text.endsWith("\n") ? "\n" : "";
    this.edits.push({ start: at, end: at, text: lead + entries.map(([key, value]) => blockPair(key, value, indent, this.unit)).join("") });
  }

  /** Replace a key's value as a whole, keeping the key as written. */
  private replaceValue(map: YAMLMap, pair: Pair, value: unknown): void {
    const keyNode = pair.key as Node;
    const current = pair.value as Node | null;
    const [keyStart] = rangeOf(keyNode);
    const indent = " ".repeat(columnOf(this.text, keyStart));
    const scalarValue = value === null || typeof value !== "object";
    if (current && !current.tag && (map.flow || (current as YAMLMap).flow || (isScalar(current) && scalarValue))) {
      const [start, end] = rangeOf(current);
      const multiline =
        this.text.slice(start, end).includes("\n") || (map.flow && this.text.slice(rangeOf(map)[0], keyStart).includes("\n"));
      this.edits.push({
        start,
        end,
        text: map.flow || (current as YAMLMap).flow ? jsonValue(value, indent, this.unit, Boolean(multiline)) : blockScalar(value),
      });
      return;
    }
    // A block collection, a tagged value (`!Ref x`) or a scalar becoming a collection: rewrite the pair from its
    // key to the end of its value's line, keeping the key as written.
    const key = this.text.slice(keyStart, rangeOf(keyNode)[1]);
    const end = afterLine(this.text, rangeOf(current ?? keyNode)[1]);
    const rendered = blockPair("k", value, indent, this.unit).slice(indent.length + 1);
    this.edits.push({ start: keyStart, end, text: key + rendered });
  }

  private deletePair(map: YAMLMap, pair: Pair): void {
    const keyNode = pair.key as Node;
    const [keyStart] = rangeOf(keyNode);
    const valueEnd = rangeOf((pair.value ?? keyNode) as Node)[1];
    if (map.flow) {
      const index = map.items.indexOf(pair);
      const previous = map.items[index - 1] as Pair | undefined;
      const next = map.items[index + 1] as Pair | undefined;
      if (previous) this.edits.push({ start: rangeOf((previous.value ?? previous.key) as Node)[1], end: valueEnd, text: "" });
      else if (next) this.edits.push({ start: keyStart, end: rangeOf(next.key as Node)[0], text: "" });
      else this.edits.push({ start: keyStart, end: valueEnd, text: "" });
      return;
    }
    const start = lineStart(this.text, keyStart);
    if (this.text.slice(start, keyStart).trim() !== "") throw new EditRefused("removing a key that shares its line with a list marker");
    this.edits.push({ start, end: afterLine(this.text, valueEnd), text: "" });
  }

  /** The edits so far, sorted; overlapping edits mean two changes touched the same node, which is refused. */
  result(): TextEdit[] {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1] as TextEdit;
      const current = sorted[i] as TextEdit;
      if (current.start < previous.end) throw new EditRefused("two changes overlap in the same element");
    }
    return sorted;
  }
}

/** The text with the edits applied (edits sorted and disjoint, as `TemplateEditor.result` returns them). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const crlf = text.includes("\r\n");
  let out = "";
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + (crlf ? edit.text.replace(/\r?\n/g, "\r\n") : edit.text);
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
