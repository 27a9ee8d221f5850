/** Process entry for bin/preflight.mjs: runs the CLI with the real streams and environment. */
import { main } from "@/lib/cli/main";
import { terminalText } from "@/lib/remediation/formats/literals/terminal";

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  // Progress, warnings and errors quote names from the audited account: no escape sequence of theirs reaches the terminal.
  err: (text) => process.stderr.write(terminalText(text)),
  env: process.env,
});
process.exitCode = code;
