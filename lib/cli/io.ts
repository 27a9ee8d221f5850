/** What a command may touch: output streams and the environment (injected so tests can capture them). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT = Object.freeze({ ok: 0, findings: 1, error: 2 });

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
