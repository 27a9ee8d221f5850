/** Process entry for bin/preflight.mjs: runs the CLI with the real streams and environment. */
import { main } from "@/lib/cli/main";

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
