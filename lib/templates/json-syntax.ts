/**
 * Finds the first JSON syntax error and its offset. A JSON template is parsed through the YAML parser (for node
 * positions), but YAML accepts things JSON does not (`{"a": }` is a YAML null), and Node's JSON.parse does not
 * say where it failed on every version; this scanner does, in one pass (RFC 8259 grammar), without recursion.
 */

export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const LITERALS = ["true", "false", "null"];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  // Each open container: "{" or "[", and what it expects next.
  const stack: Array<{ kind: "{" | "["; expect: "key-or-end" | "key" | "colon" | "value" | "comma-or-end" | "value-or-end" }> = [];
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const error = (reason: string): JsonSyntaxError => ({ offset: Math.min(i, text.length), reason });
  const readString = (): JsonSyntaxError | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return error("invalid \\u escape in a string");
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return error("invalid escape in a string");
        i += 2;
        continue;
      }
      if (c < " ") return error("control character in a string");
      i++;
    }
    return error("unterminated string");
  };
  // Reads one scalar or opens a container; returns an error or undefined.
  const readValue = (): JsonSyntaxError | undefined => {
    const c = text[i];
    if (c === "{" || c === "[") {
      stack.push({ kind: c, expect: c === "{" ? "key-or-end" : "value-or-end" });
      i++;
      return undefined;
    }
    if (c === '"') return readString();
    for (const literal of LITERALS) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return undefined;
    }
    return error(i >= text.length ? "unexpected end of input" : `unexpected ${JSON.stringify(c)}`);
  };
  const afterValue = () => {
    const top = stack[stack.length - 1];
    if (top) top.expect = "comma-or-end";
  };

  skip();
  const first = readValue();
  if (first) return first;
  if (stack.length === 0) {
    skip();
    return i < text.length ? error("unexpected text after the value") : undefined;
  }
  while (stack.length > 0) {
    skip();
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const c = text[i];
    if (c === undefined) return error("unexpected end of input");
    const closer = top.kind === "{" ? "}" : "]";
    switch (top.expect) {
      case "key-or-end":
      case "key":
        if (c === closer && top.expect === "key-or-end") {
          i++;
          stack.pop();
          afterValue();
          break;
        }
        if (c !== '"') return error("expected a property name in double quotes");
        {
          const failed = readString();
          if (failed) return failed;
        }
        top.expect = "colon";
        break;
      case "colon":
        if (c !== ":") return error('expected ":"');
        i++;
        top.expect = "value";
        break;
      case "value":
      case "value-or-end": {
        if (c === closer && top.expect === "value-or-end") {
          i++;
          stack.pop();
          afterValue();
          break;
        }
        const failed = readValue();
        if (failed) return failed;
        // After a scalar, or once a container just opened here closes.
        top.expect = "comma-or-end";
        break;
      }
      case "comma-or-end":
        if (c === closer) {
          i++;
          stack.pop();
          afterValue();
        } else if (c === ",") {
          i++;
          top.expect = top.kind === "{" ? "key" : "value";
        } else {
          return error(`expected "," or "${closer}"`);
        }
        break;
    }
  }
  skip();
  return i < text.length ? error("unexpected text after the value") : undefined;
}
