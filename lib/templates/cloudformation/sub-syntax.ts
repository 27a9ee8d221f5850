/**
 * The pieces of an `Fn::Sub` string: literal text, `${Name}` / `${Resource.Attribute}` variables, and `${!Literal}`,
 * which is written out as `${Literal}` (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html).
 * Scanned with indexOf: template text never becomes a regular expression.
 */
export type SubPiece = { kind: "text"; text: string } | { kind: "variable"; name: string };

export function splitSub(text: string): SubPiece[] {
  const pieces: SubPiece[] = [];
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf("${", index);
    const end = start < 0 ? -1 : text.indexOf("}", start + 2);
    if (start < 0 || end < 0) break;
    if (start > index) pieces.push({ kind: "text", text: text.slice(index, start) });
    const inner = text.slice(start + 2, end);
    pieces.push(inner.startsWith("!") ? { kind: "text", text: `\${${inner.slice(1)}}` } : { kind: "variable", name: inner.trim() });
    index = end + 1;
  }
  if (index < text.length) pieces.push({ kind: "text", text: text.slice(index) });
  return pieces;
}
