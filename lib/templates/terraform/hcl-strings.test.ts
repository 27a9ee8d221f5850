import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeQuotedLiteral } from "./hcl-strings";

/** decodeQuotedLiteral as it was before it copied runs (character by character): the oracle. */
function decodedCharByChar(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\" && i + 1 < raw.length) {
      const next = raw[i + 1];
      const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
      if (next !== undefined && next in simple) {
        out += simple[next];
        i++;
        continue;
      }
      const width = next === "u" ? 4 : next === "U" ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + width);
      if (width > 0 && hex.length === width && [...hex].every((h) => "0123456789abcdefABCDEF".includes(h))) {
        const code = Number.parseInt(hex, 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
        i += 1 + width;
        continue;
      }
      out += c;
      continue;
    }
    out += c;
  }
  return out.includes("$${") || out.includes("%%{") ? out.replaceAll("$${", "${").replaceAll("%%{", "%{") : out;
}

describe("decodeQuotedLiteral", () => {
  it("decodes the escapes and keeps any other backslash", () => {
    expect(decodeQuotedLiteral('{\\"statusCode\\": 200}')).toBe('{"statusCode": 200}');
    expect(decodeQuotedLiteral("a\\nb\\tc\\\\d\\u00e9\\U0001F600\\q\\u12x\\")).toBe("a\nb\tc\\dé😀\\q\\u12x\\");
    expect(decodeQuotedLiteral("$${x} %%{y} \\$${z}")).toBe("${x} %{y} \\${z}");
    expect(decodeQuotedLiteral("\\UFFFFFFFF")).toBe("\ufffd");
  });

  it("decodes as the character-by-character version did, on random text dense in escapes", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "\\",
        "\\\\",
        "\\n",
        "\\r",
        "\\t",
        '\\"',
        "\\u",
        "\\U",
        "\\u00e9",
        "\\U0001F600",
        "\\UFFFFFFFF",
        "$${",
        "%%{",
        "$",
        "%",
        "{",
      ),
      fc.constantFrom("0", "9", "a", "F", "g", "x", " ", "é", "😀"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const raw = pieces.join("");
        expect(decodeQuotedLiteral(raw)).toBe(decodedCharByChar(raw));
      }),
      { numRuns: 3000 },
    );
  });
});
