import { Writable } from 'node:stream';
import type { CommandContext } from '../cli/context.js';

/** A piped stdout that keeps what was written (a command run in-process, as a script would run it). */
export function sinkContext(): { ctx: CommandContext; output: () => string } {
  const chunks: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const stderr = new Writable({ write: (_c, _e, done) => done() });
  const ctx: CommandContext = { stdout, stderr, stdin: process.stdin, env: { ...process.env, NO_COLOR: '1' } };
  return { ctx, output: () => chunks.join('') };
}
