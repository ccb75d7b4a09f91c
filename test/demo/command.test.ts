import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import demo from '../../src/commands/demo.js';
import { generateDemo } from '../../src/demo/generate.js';
import { tempDbPath } from '../helpers/temp-db.js';

/** runs `bematic-console demo` in-process, capturing what it writes */
async function runDemo(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) => {
    const s = new PassThrough();
    s.on('data', (chunk: Buffer) => write(chunk.toString()));
    return s;
  };
  const ctx: CommandContext = { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), stdin: new PassThrough(), env };
  const code = await demo(argv, ctx);
  await new Promise((r) => setImmediate(r));
  return { code, out, err };
}

const NOW = Date.parse('2026-11-26T11:45:09.075Z');
const digest = (path: string): string => {
  const db = new Database(path, { readonly: true });
  const hash = createHash('sha256');
  for (const t of ['projects', 'tasks', 'sessions', 'users', 'api_keys', 'prompt_history', 'scheduled_tasks', 'netsuite_configs', 'audit_logs']) {
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  db.close();
  return hash.digest('hex');
};

describe('bematic-console demo', () => {
  it('writes a database, reports progress on stderr and the counts on stdout', async () => {
    const path = tempDbPath();
    const { code, out, err } = await runDemo(['--db', path, '--scale', '0.0001', '--seed', '3']);
    expect(code).toBe(0);
    expect(out).toMatch(/Demo database written to .* \(scale 0\.0001, seed 3\)/);
    expect(out).toMatch(/^ {2}tasks +60$/m);
    expect(err).toMatch(/^tasks 60\/60 \(100%\)$/m);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM prompt_history').pluck().get()).toBe(60);
    db.close();
  });

  it('refuses an existing file without --force, with exit code 2 and one sentence', async () => {
    const path = tempDbPath();
    writeFileSync(path, 'precious');
    const { code, out, err } = await runDemo(['--db', path, '--scale', '0.0001']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/already exists; use --force/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    const forced = await runDemo(['--db', path, '--scale', '0.0001', '--force']);
    expect(forced.code).toBe(2); // not a demo the console made: --force does not replace it either
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('needs --db (never DATABASE_URL), and a positive scale', async () => {
    expect((await runDemo(['--scale', '1'])).code).toBe(2);
    expect((await runDemo(['--db', tempDbPath(), '--scale=-1'])).err).toMatch(/--scale must be a positive number/);
    expect((await runDemo(['--db', tempDbPath(), '--seed', 'x'])).code).toBe(2);
    expect((await runDemo(['--db', tempDbPath(), '--bogus'])).code).toBe(2);
    const viaEnv = await runDemo(['--scale', '0.0001'], { DATABASE_URL: tempDbPath() });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.err).toMatch(/needs --db PATH.*DATABASE_URL is not used/);
  });

  it('prints its help', async () => {
    const { code, out } = await runDemo(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: bematic-console demo --db PATH/);
  });
});

describe('generateDemo', () => {
  it('gives the same data for the same seed and other data for another', () => {
    const [a, b, c] = [tempDbPath('a.db'), tempDbPath('b.db'), tempDbPath('c.db')];
    generateDemo(a, { scale: 0.001, seed: 11, now: NOW });
    generateDemo(b, { scale: 0.001, seed: 11, now: NOW });
    generateDemo(c, { scale: 0.001, seed: 12, now: NOW });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('scales the row counts', () => {
    const small = generateDemo(tempDbPath(), { scale: 0.0001, now: NOW });
    const bigger = generateDemo(tempDbPath(), { scale: 0.01, now: NOW });
    expect(small.counts.tasks).toBe(60);
    expect(bigger.counts.tasks).toBe(1000);
    expect(bigger.counts.prompt_history).toBe(1000);
    expect(bigger.counts.sessions).toBeGreaterThan(bigger.counts.tasks);
  });
});
