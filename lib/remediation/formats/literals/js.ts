import { hex4, JSON_UNESCAPED_UNSAFE } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates; what it leaves raw but a reader
 * must not see raw is escaped too: U+2028/U+2029 (line terminators in pre-ES2019 JavaScript and in editors),
 * U+0085, DEL, C1 controls and the bidirectional controls. Inside JSON text these characters only occur in
 * strings (a raw line feed is layout), so the replacement is sound on a whole document.
 */
function escapeRemaining(json: string): string {
  return json.replace(JSON_UNESCAPED_UNSAFE, hex4);
}

/** A JavaScript/TypeScript string literal for any value: `"..."`. */
export function jsString(value: string): string {
  return escapeRemaining(JSON.stringify(value));
}

/** A JavaScript/TypeScript expression (object, array, number, string) for JSON-compatible data. */
export function jsValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error("jsValue: the value has no JSON form.");
  return escapeRemaining(json);
}

/** A JSON document (2-space indentation) that is also safe to paste into JavaScript and to show in a terminal. */
export function jsonDocument(value: unknown, indent = 2): string {
  return escapeRemaining(JSON.stringify(value, null, indent));
}
