import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import history from '../../src/commands/history.js';
import type { CommandContext } from '../../src/cli/context.js';
import { displayWidth } from '../../src/cli/text.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import { cleanEnv, promptDatabase } from './history-fixtures.js';

// A terminal cannot be had through a pipe: the command runs in-process on a stream that says it is one.

class FakeTerminal extends Writable {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns: number,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function onTerminal(argv: string[], env: NodeJS.ProcessEnv = {}, columns = 60): Promise<{ code: number; text: string; err: string }> {
  const stdout = new FakeTerminal(true, columns);
  const stderr = new FakeTerminal(false, 0);
  const ctx: CommandContext = { stdout, stderr, stdin: process.stdin, env: cleanEnv(env) };
  const code = await history(argv, ctx);
  return { code, text: stdout.text, err: stderr.text };
}

// eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
const strip = (s: string): string => s.replace(/\u001b\[\d+m/g, '');

describe('history on a terminal', () => {
  it('prints a coloured table that fits the width, long prompts cut with an ellipsis', async () => {
    const { conn, path } = promptDatabase(false);
    insertServicePrompt(conn.sqlite, { prompt: '宽字符'.repeat(30), tags: '["wide"]' });
    const r = await onTerminal(['--db', path, '--limit', '5']);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(r.text).toMatch(/\u001b\[32mcompleted/);
    const lines = strip(r.text).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/宽字符.*…$/);
    expect(lines.at(-1)).toMatch(/The newest 5 shown/);
  });

  it('has no colour with NO_COLOR or --no-color, and still fits', async () => {
    const { path } = promptDatabase(false);
    for (const [argv, env] of [
      [['--no-color'], {}],
      [[], { NO_COLOR: '1' }],
    ] as const) {
      const r = await onTerminal(['--db', path, ...argv], env, 50);
      // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
      expect(r.text).not.toMatch(/\u001b\[/);
      for (const line of r.text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
    }
  });

  it('draws bar charts in --stats, --tags and --categories', async () => {
    const { path } = promptDatabase(true);
    for (const view of ['--stats', '--tags', '--categories']) {
      const r = await onTerminal(['--db', path, view], {}, 100);
      expect(strip(r.text), view).toMatch(/█/);
      for (const line of strip(r.text).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    }
  });
});
