import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import { BIN, ROOT, cleanEnv, runBin } from './history-fixtures.js';

// Issue 13.6 and 13.7 through the built binary: errors show paths and values escaped, piped
// `history` caps its padded columns, and `log-prompt` and `--limit` refuse what is out of bounds.

const MB = 1024 * 1024;

/** The binary with raw bytes on stdin (runBin only takes text). */
function runWithBytes(args: string[], input: Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(), input, cwd: ROOT, maxBuffer: 256 * MB });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const count = (sqlite: ReturnType<typeof freshDatabase>['sqlite']): unknown => sqlite.prepare('SELECT count(*) FROM prompt_history').pluck().get();

describe('log-prompt: input bounds', () => {
  it('says the limit in --help', () => {
    expect(runBin(['log-prompt', '--help']).stdout).toMatch(/at most 1 MB \(1,048,576 bytes of UTF-8\)/);
  });

  it('refuses more than 1 MB on stdin with a sentence and exit 2, and logs nothing', () => {
    const { sqlite, path } = freshDatabase();
    const r = runWithBytes(['log-prompt', '-', '--db', path], Buffer.alloc(MB + 100, 'a'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bematic-console: the prompt text on stdin is over the limit of 1 MB (1,048,576 bytes of UTF-8)\n');
    expect(count(sqlite)).toBe(0);
  });

  it('takes exactly 1 MB (of multi-byte characters too), a trailing newline aside', () => {
    const { sqlite, path } = freshDatabase();
    const text = 'é'.repeat(MB / 2); // 2 bytes each
    const r = runWithBytes(['log-prompt', '-', '--db', path], Buffer.from(text + '\n'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sqlite.prepare('SELECT prompt FROM prompt_history WHERE id = ?').pluck().get(Number(r.stdout))).toBe(text);
    const over = runWithBytes(['log-prompt', '-', '--db', path], Buffer.from(text + 'x'));
    expect(over.code).toBe(2);
    expect(count(sqlite)).toBe(1);
  });

  it('refuses text on stdin that is not valid UTF-8 instead of storing U+FFFD', () => {
    const { sqlite, path } = freshDatabase();
    const r = runWithBytes(['log-prompt', '-', '--db', path], Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bematic-console: the prompt text on stdin is not valid UTF-8; .*\n$/);
    expect(count(sqlite)).toBe(0);
  });

  it('refuses an argument that is not valid UTF-8', () => {
    const { sqlite, path } = freshDatabase();
    // The shell hands the raw byte 0xE9 to node, as a Latin-1 terminal would.
    const r = spawnSync('/bin/sh', ['-c', `exec "$0" "$1" log-prompt "$(printf 'caf\\351')" --db "$2"`, process.execPath, BIN, path], { encoding: 'utf8', env: cleanEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bematic-console: the prompt text is not valid UTF-8 .*\n$/);
    const ctx = spawnSync('/bin/sh', ['-c', `exec "$0" "$1" log-prompt ok --context "$(printf '\\377')" --db "$2"`, process.execPath, BIN, path], { encoding: 'utf8', env: cleanEnv() });
    expect(ctx.status).toBe(2);
    expect(ctx.stderr).toMatch(/--context is not valid UTF-8/);
    expect(count(sqlite)).toBe(0);
  });
});

describe('history: --limit bounds', () => {
  it('says so, with exit 2, when --limit is above its maximum; takes the maximum itself', () => {
    const { path } = freshDatabase();
    for (const n of ['1000001', '9999999999', '99999999999999999999']) {
      const r = runBin(['history', '--db', path, '--limit', n]);
      expect(r.code, n).toBe(2);
      expect(r.stderr).toBe(`bematic-console: --limit is at most 1,000,000, not ${n}; --all shows every matching prompt\n`);
    }
    expect(runBin(['history', '--db', path, '--limit', '1000000']).code).toBe(0);
    expect(runBin(['history', '--help']).stdout).toContain('at most 1,000,000');
  });

  it('a --limit above one page streams pages and stops at the limit', () => {
    const { sqlite, path } = freshDatabase();
    const insert = sqlite.transaction(() => {
      for (let i = 0; i < 1500; i++) insertServicePrompt(sqlite, { prompt: `p${i}` });
    });
    insert();
    const rows = JSON.parse(runBin(['history', '--db', path, '--limit', '1200', '--json']).stdout) as { prompt: string }[];
    expect(rows).toHaveLength(1200);
    expect(rows[0]!.prompt).toBe('p1499');
    expect(rows[1199]!.prompt).toBe('p300');
  });
});

describe('history: piped output', () => {
  it('caps padded columns at 60 (one 1 MB category made every line 1 MB of padding)', () => {
    const { sqlite, path } = freshDatabase();
    insertServicePrompt(sqlite, { prompt: 'huge category', category: 'c'.repeat(MB), tags: `["${'t'.repeat(5000)}"]` });
    for (let i = 0; i < 63; i++) insertServicePrompt(sqlite, { prompt: `row ${i}`, category: 'feature' });
    const r = runBin(['history', '--db', path, '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(64 * 300);
    const huge = r.stdout.split('\n').find((l) => l.endsWith('huge category'))!;
    expect(huge).toContain(`${'c'.repeat(59)}…`);
    expect(huge).toContain(`${'t'.repeat(59)}…`);
    const header = r.stdout.split('\n')[0]!;
    expect(header.indexOf('PROMPT')).toBe(huge.indexOf('huge category'));
  });

  it('keeps every character of the last column, and escapes it', () => {
    const { sqlite, path } = freshDatabase();
    const long = `start ${'x'.repeat(5000)} \u001b]52;c;Y2xpcA==\u0007 end`;
    insertServicePrompt(sqlite, { prompt: long });
    const r = runBin(['history', '--db', path]);
    expect(r.stdout).toContain(`start ${'x'.repeat(5000)} \\x1b]52;c;Y2xpcA==\\x07 end`);
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('errors show paths and values escaped', () => {
  it('a --db path holding an escape sequence is printed visibly, never sent to the terminal', () => {
    const dir = tempDir();
    const r = runBin(['history', '--db', `${dir}/evil\u001b]0;pwned\u0007\u001b[2J.db`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J.db');
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(r.stderr).not.toMatch(/[\u0007\u001b]/);
  });

  it('a value quoted in a usage error is escaped too (C1 and bidi controls that JSON.stringify leaves raw)', () => {
    const { path } = freshDatabase();
    const r = runBin(['history', '--db', path, '--status', 'x\u009b2J\u202ey']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x\\x9b2J\\u{202e}y');
    expect(r.stderr).not.toMatch(/[\u009b\u202e]/);
  });
});
