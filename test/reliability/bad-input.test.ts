import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOneSentence, killAndWait, runBinary, startBinary, waitForStderr, type BinaryRun } from '../helpers/spawn.js';
import { checkpointed, demoFile, sha } from './fault-files.js';

const ESC = '\u001b';
const dir = mkdtempSync(join(tmpdir(), 'bematic-badinput-'));
let db = '';
beforeAll(async () => {
  db = checkpointed(await demoFile(dir));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A refusal as DESIGN.md wants it: the exit code, one sentence, no stack, no escape sequence echoed back. */
function expectRefusal(run: BinaryRun, code = 2): void {
  expect({ code: run.code, oneSentence: isOneSentence(run.stderr), stdout: run.stdout }).toEqual({ code, oneSentence: true, stdout: '' });
  expect(run.stderr).not.toMatch(/unexpected error/);
  expect(run.stderr.includes(ESC) || run.stdoutBytes.includes(0x1b)).toBe(false);
}

const FLAGS_WITH_VALUES: Record<string, string[]> = {
  history: ['--limit', '--search', '--category', '--status', '--tag', '--db', '--as'],
  'log-prompt x': ['--category', '--tag', '--context', '--file', '--db', '--as'],
  demo: ['--scale', '--seed', '--db'],
  migrate: ['--db'],
  doctor: ['--db'],
  '': ['--db', '--as'], // the console: refused before it needs a terminal
};
const words = (s: string): string[] => (s ? s.split(' ') : []);

describe('a flag without its value: exit 2 and one sentence naming the flag', () => {
  const cases = Object.entries(FLAGS_WITH_VALUES).flatMap(([cmd, flags]) =>
    flags.flatMap((f): [string, string[], string][] => [
      [`${cmd} ${f} (last)`.trim(), [...words(cmd), f], f],
      [`${cmd} ${f} --no-color`.trim(), [...words(cmd), f, '--no-color'], f],
    ]),
  );
  it.each(cases)('%s', async (_name, args, flag) => {
    const run = await runBinary(args);
    expectRefusal(run);
    expect(run.stderr).toContain(flag);
    expect(run.stderr).not.toMatch(/ambiguous/);
  });
});

describe('a value of the wrong type: exit 2 and one sentence', () => {
  const cases: string[][] = [
    ['history', '--limit', 'abc'],
    ['history', '--limit', '-5'],
    ['history', '--limit', '0'],
    ['history', '--limit', '1.5'],
    ['history', '--limit', '0x10'],
    ['history', '--limit', ''],
    ['history', '--limit', '1e3x'],
    ['history', '--status', 'exploded'],
    ['history', '--json=yes'],
    ['history', '--all=1'],
    ['history', '--stats=x'],
    ['history', '--read-only=1'],
    ['demo', '--db', join(dir, 'never.db'), '--scale', 'abc'],
    ['demo', '--db', join(dir, 'never.db'), '--scale', '-1'],
    ['demo', '--db', join(dir, 'never.db'), '--scale', '0'],
    ['demo', '--db', join(dir, 'never.db'), '--scale', 'NaN'],
    ['demo', '--db', join(dir, 'never.db'), '--scale', 'Infinity'],
    ['demo', '--db', join(dir, 'never.db'), '--seed', '1.5'],
    ['migrate', '--dry-run=no'],
    ['log-prompt', 'x', '--category', 'chores'],
    ['log-prompt', '   '],
    ['log-prompt', 'x', '--tag', ''],
  ];
  it.each(cases.map((c) => [c.join(' '), c]))('%s', async (_name, args) => {
    expectRefusal(await runBinary([...args, ...(args.includes('--db') ? [] : ['--db', db])]));
  });
});

describe('unknown flags and commands: exit 2 and one sentence', () => {
  const cases = ['history', 'log-prompt x', 'migrate', 'doctor', 'demo', ''].flatMap((cmd) => [
    [...words(cmd), '--bogus'],
    [...words(cmd), '-z'],
    [...words(cmd), `--${ESC}[2Jwipe`],
  ]);
  cases.push(['frobnicate'], [`${ESC}]0;pwned${'\u0007'}`]);
  it.each(cases.map((c) => [JSON.stringify(c), c]))('%s', async (_name, args) => {
    expectRefusal(await runBinary([...args, '--db', db]));
  });
});

describe('escape sequences and control characters given as values are never echoed raw', () => {
  const evil = `${ESC}[2J${ESC}]0;pwned\u0007\r\b`;
  const cases: string[][] = [
    ['history', '--limit', evil],
    ['history', '--status', evil],
    ['history', '--category', evil],
    ['history', '--search', evil],
    ['history', '--tag', evil],
    ['history', '--as', evil],
    ['log-prompt', 'x', '--category', evil],
  ];
  it.each(cases.map((c) => [c.slice(0, -1).join(' '), c]))('%s', async (_name, args) => {
    const run = await runBinary([...args, '--db', db, '--read-only']);
    expect(run.stderr.includes(ESC) || run.stdoutBytes.includes(0x1b)).toBe(false);
    expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });
});

describe('huge values', () => {
  it('history --limit 1000000000000 either lists every prompt or refuses in one sentence', async () => {
    const run = await runBinary(['history', '--limit', '1000000000000', '--json', '--db', db]);
    if (run.code === 2) return expectRefusal(run);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(new Database(db, { readonly: true }).prepare('SELECT count(*) FROM prompt_history').pluck().get());
  });

  it('log-prompt with a 1 MB prompt on stdin stores it whole, or refuses in one sentence and stores nothing', async () => {
    const path = join(dir, 'huge.db');
    rmSync(path, { force: true });
    await runBinary(['migrate', '--db', path, '--yes']);
    const text = 'Refactor ' + 'the scheduler, '.repeat(70_000);
    const run = await runBinary(['log-prompt', '-', '--db', path, '--context', 'c'.repeat(100_000), ...Array.from({ length: 300 }, (_, i) => ['--tag', `t${i}`]).flat()], { input: text });
    const check = new Database(path, { readonly: true });
    const rows = check.prepare('SELECT prompt, length(context) AS contextLength, tags FROM prompt_history').all() as { prompt: string; contextLength: number; tags: string }[];
    check.close();
    if (run.code === 2) {
      expectRefusal(run);
      return expect(rows).toEqual([]);
    }
    expect(run.code).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.prompt).toBe(text);
    expect(rows[0]!.contextLength).toBe(100_000);
    expect(JSON.parse(rows[0]!.tags)).toHaveLength(300);
    expect(run.stdout.trim()).toMatch(/^\d+$/);
  });

  it('a 100 kB --search and 1,000 --tag filters are answered, not crashed on', async () => {
    const search = await runBinary(['history', '--search', 'x'.repeat(100_000), '--json', '--db', db]);
    expect([search.code, search.stderr]).toEqual([0, '']);
    const tags = await runBinary(['history', ...Array.from({ length: 1000 }, (_, i) => ['--tag', `tag${i}`]).flat(), '--db', db]);
    expect(tags.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect([0, 2]).toContain(tags.code);
  });

  // `demo` once took any positive scale, so 1e9 started writing 10^14 rows until the disk filled.
  it('demo refuses an absurd --scale before writing anything', async () => {
    const path = join(dir, 'absurd.db');
    const demo = startBinary(['demo', '--db', path, '--scale', '1e9']);
    const outcome = await Promise.race([waitForStderr(demo, /\d+\/[\d,]+/).then(() => 'writing'), new Promise<string>((r) => demo.on('close', (code) => r(`exit ${code}`)))]);
    await killAndWait(demo, 'SIGKILL');
    rmSync(path, { force: true });
    rmSync(`${path}-journal`, { force: true });
    expect(outcome).toBe('exit 2');
  }, 30_000);

  it('the database used above is unchanged by every refusal', () => {
    expect(sha(db)).toBe(hashBefore);
  });
});

let hashBefore = '';
beforeAll(() => {
  hashBefore = sha(db);
});
