/**
 * One bash word for any value, read back as exactly that value. Plain words stay bare; anything else is
 * single-quoted (nothing inside is expanded; a quote is written '\''), or ANSI-C quoted ($'...') when it holds
 * control or non-ASCII line-break characters, so the script itself stays printable text: \xHH escapes the bytes
 * of those characters' UTF-8 form, independent of the locale.
 * https://www.gnu.org/software/bash/manual/bash.html#ANSI_002dC-Quoting
 * NUL cannot be part of a bash word (C strings), so it is dropped.
 */
export function bashWord(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  const word = value.replace(/\0/g, "");
  if (!/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  let out = "";
  for (const char of word) {
    if (char === "'" || char === "\\") out += `\\${char}`;
    else if (/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(char))
      out += [...new TextEncoder().encode(char)].map((byte) => `\\x${byte.toString(16).padStart(2, "0")}`).join("");
    else out += char;
  }
  return `$'${out}'`;
}
