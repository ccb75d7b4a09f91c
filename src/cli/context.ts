/** What every subcommand receives: streams and environment, so tests can run it in-process too. */
export interface CommandContext {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** A subcommand module (src/commands/<name>.ts) default-exports one of these; it returns the exit code. */
export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

export const processContext = (): CommandContext => ({
  stdout: process.stdout,
  stderr: process.stderr,
  // Read only when a command asks: node builds the stdin stream on first access (~3 ms), and
  // most commands never read it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
});
