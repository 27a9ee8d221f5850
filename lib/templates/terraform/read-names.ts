/**
 * The names of one read, across the files of its directory: the fast parser (hcl-fast-parser.ts) interns each file's
 * names in a table of that file, and takes a name new to that file from here, so a name (`aws_api_gateway_method`,
 * `rest_api_id`, a resource referred to from another file) is one string in the whole read. The evaluator's and the
 * builders' maps and sets then find it by identity: with a string per file they compared each type name with the key
 * character by character. Made per read, never kept after it.
 */

/** The hash the parser computes while scanning a name (`hashOfRange` of its code units); names are non-empty. */
export function hashOf(text: string): number {
  let hash = text.charCodeAt(0);
  for (let j = 1; j < text.length; j++) hash = (Math.imul(hash, 31) + text.charCodeAt(j)) | 0;
  return hash;
}

export class ReadNames {
  private slots: Array<string | undefined> = new Array<string | undefined>(1024);
  private hashes = new Int32Array(1024);
  private size = 0;

  /** `known`: strings the reader compares names with (resource types), which names equal to them then are. */
  constructor(known: Iterable<string> = []) {
    for (const name of known) if (name.length > 0) this.text(name);
  }

  /** The read's string for `src[start..end)`, whose code units are `codes` and hash `hash`; sliced from `src` if new. */
  range(src: string, codes: Uint16Array, start: number, end: number, hash: number): string {
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const name = this.slots[i];
      if (name === undefined) return this.put(i, src.slice(start, end), hash);
      if (this.hashes[i] === hash && name.length === length && sameText(name, codes, start)) return name;
    }
  }

  /** The read's string equal to `text` (non-empty), `text` itself if new. */
  text(text: string): string {
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const name = this.slots[i];
      if (name === undefined) return this.put(i, text, hash);
      if (name === text) return name;
    }
  }

  private put(slot: number, name: string, hash: number): string {
    this.slots[slot] = name;
    this.hashes[slot] = hash;
    if (++this.size * 2 > this.slots.length) this.grow();
    return name;
  }

  private grow(): void {
    const { slots, hashes } = this;
    const size = slots.length * 2;
    this.slots = new Array<string | undefined>(size);
    this.hashes = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === undefined) continue;
      let i = hashes[k]! & mask;
      while (this.slots[i] !== undefined) i = (i + 1) & mask;
      this.slots[i] = slots[k];
      this.hashes[i] = hashes[k]!;
    }
  }
}

/** Is `name` the text whose code units start at `codes[start]` (the caller has checked the length)? */
function sameText(name: string, codes: Uint16Array, start: number): boolean {
  for (let j = 0; j < name.length; j++) if (name.charCodeAt(j) !== codes[start + j]) return false;
  return true;
}
