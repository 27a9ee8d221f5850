/**
 * Line and column of an offset in a text, as the `yaml` package's LineCounter gives them (1-based), from a table of
 * line starts in one typed array: a large template has tens of thousands of lines, and a growing array of numbers
 * was half a megabyte of garbage per read (and a live object every young-generation collection copied).
 */
export class LineTable {
  private readonly starts: Int32Array;

  constructor(text: string) {
    let lines = 1;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
    const starts = new Int32Array(lines);
    let row = 1;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts[row++] = at + 1;
    this.starts = starts;
  }

  /** LineCounter.linePos: the first line starting at or after `offset`, found by binary search. */
  linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    if (low < starts.length && starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (starts[low - 1] as number) + 1 };
  }
}
