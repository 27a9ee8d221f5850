/**
 * Text from the audited account made safe to print to a terminal: ANSI escape sequences (CSI `ESC [ … final`,
 * OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC strings and two-byte `ESC x`) and their C1 forms are removed, and so is
 * every other C0 or C1 control except line feed and tab (and the bidirectional overrides, which reorder what follows), so an API name cannot move the cursor, rewrite earlier
 * output, set the window title or plant a hyperlink (ECMA-48, https://invisible-island.net/xterm/ctlseqs/ctlseqs.html).
 */
export function terminalText(value: string): string {
  return value
    .replace(/(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g, "")
    .replace(/(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g, "")
    .replace(/\x1b[\x20-\x7e]?/g, "")
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, "");
}
