/**
 * A text's UTF-16 code units as a Uint16Array, with a 0 after the last (a loop over a token stops there, as it stops at
 * the NaN `charCodeAt` gives past the end). The fast parser's inner loops (blanks, identifiers and their hash, a
 * repeated name compared with its first occurrence) read one code unit per step: an indexed load from a typed array
 * costs less than a `charCodeAt`, which checks the string's representation at every call (the comparison loop alone
 * was a third of a parse of the 1,000-resource configuration).
 *
 * One buffer serves every parse (a parse is synchronous and reads its codes only while it runs): a fresh one per file
 * was megabytes of external memory a read, which brings garbage collections sooner. It holds no more than the largest
 * file read (at most 2 MiB of text, 4 MiB of codes).
 */
let scratch: Buffer | undefined;

/** Valid until the next call. Little-endian, as Node's platforms are: `utf16le` writes the code units as they are. */
export function charCodesOf(text: string): Uint16Array {
  const bytes = (text.length + 1) * 2;
  if (scratch === undefined || scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 64 * 1024));
  scratch.write(text, 0, "utf16le");
  const codes = new Uint16Array(scratch.buffer, scratch.byteOffset, text.length + 1);
  codes[text.length] = 0;
  return codes;
}
