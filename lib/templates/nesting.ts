/**
 * How deeply a YAML/JSON text nests, estimated in one pass before any parser sees it. The YAML parser recurses
 * once per level; near the end of the stack even V8's regular expression compiler can fail, and that failure
 * ends the process instead of throwing. A template never nests anywhere near the limit (CloudFormation documents
 * a few levels, OpenAPI schemas a few dozen), so a text past it is refused up front.
 *
 * The estimate adds flow nesting (open brackets and braces not yet closed, counted outside quotes only roughly:
 * an over-count can only refuse a text absurdly bracketed anyway) to block nesting (the stack of increasing
 * indentations, as a YAML or Python tokenizer keeps it).
 */
export const NESTING_LIMIT = 128;

export function findExcessiveNesting(text: string, limit: number = NESTING_LIMIT): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    // A line: its indentation; its first character (unless a comment or a blank line) opens a block level.
    let indent = 0;
    while (i < length && text.charCodeAt(i) === 32 /* space */) {
      indent++;
      i++;
    }
    if (i >= length) return undefined;
    let c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      i++;
      continue;
    }
    if (c !== 35 /* # */ && c !== 13 /* \r */ && flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    // Then that character and the rest of the line: only brackets, braces and "- " change the estimate.
    for (;;) {
      if (c === 91 /* [ */ || c === 123 /* { */) flow++;
      else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
      else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 32 && flow === 0) {
        // "- - - x": each sequence entry indicator on one line opens a level too.
        indents.push(indent + (i - text.lastIndexOf("\n", i)));
      }
      if (flow + indents.length > limit) return i;
      i++;
      // Characters that change nothing (most of them) are skipped without the checks above.
      while (i < length) {
        c = text.charCodeAt(i);
        if (c === 10 || c === 45 || c === 91 || c === 93 || c === 123 || c === 125) break;
        i++;
      }
      if (i >= length) return undefined;
      if (c === 10 /* \n */) {
        i++;
        break;
      }
    }
  }
  return undefined;
}
