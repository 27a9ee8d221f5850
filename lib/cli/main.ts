import "server-only";
import { auditCommand } from "@/lib/cli/commands/audit";
import { fixCommand } from "@/lib/cli/commands/fix";
import { listCommand } from "@/lib/cli/commands/list";
import { sweepCommand } from "@/lib/cli/commands/sweep";
import { EXIT, type CliCommand, type CliIo } from "@/lib/cli/io";
import { PREFLIGHT_VERSION } from "@/lib/audit/version";

/** The command registry: add a module under commands/ and list it here. */
export const COMMANDS: readonly CliCommand[] = [listCommand, auditCommand, fixCommand, sweepCommand];

function help(): string {
  return [
    `preflight ${PREFLIGHT_VERSION}: finds why CORS preflight (OPTIONS) randomly gets 403 on API Gateway REST APIs.`,
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}\n           ${c.usage}`),
    "",
    "Exit codes: audit 0 nothing at or above --fail-on, 1 findings; fix 0 fix printed or nothing to fix; 2 error.",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(help());
    return name ? EXIT.ok : EXIT.error;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${PREFLIGHT_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return EXIT.error;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws TypeError with code ERR_PARSE_ARGS_* for unknown or malformed flags.
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${(error as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT.error;
    }
    io.err(`Unexpected error: ${(error as Error).message}\n`);
    return EXIT.error;
  }
}
