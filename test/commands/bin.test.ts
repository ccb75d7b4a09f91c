import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/cli/main.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';
import { BIN, ROOT, cleanEnv, promptDatabase, runBin } from './history-fixtures.js';
import { runRecordingModules } from './loaded-modules.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('bematic-console: help, version, dispatch', () => {
  it('is a node script with a shebang', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('--help lists every command and the global flags; --version prints the package version', () => {
    for (const flag of ['--help', '-h']) {
      const r = runBin([flag]);
      expect(r.code).toBe(0);
      for (const word of ['history', 'log-prompt', 'migrate', 'doctor', 'demo', '--db PATH', '--read-only', '--as', '--no-color', '--version', '--demo']) {
        expect(r.stdout).toContain(word);
      }
    }
    expect(runBin(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('gives each subcommand its own help', () => {
    expect(runBin(['history', '--help']).stdout).toMatch(/^Usage: bematic-console history/);
    expect(runBin(['log-prompt', '-h']).stdout).toMatch(/^Usage: bematic-console log-prompt/);
  });

  it('refuses an unknown command with exit 2 and the list', () => {
    const r = runBin(['histroy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bematic-console: unknown command "histroy"; commands: history, log-prompt, migrate, doctor, demo (see --help)\n');
  });

  it('finds the command after global flags, not in their values', () => {
    expect(findCommand(['--db', 'x.db', 'history', '--limit', '5'])).toBe(2);
    expect(findCommand(['--db', 'history'])).toBe(-1);
    expect(findCommand(['--demo', '--read-only'])).toBe(-1);
    expect(findCommand(['--no-color', 'log-prompt', 'text'])).toBe(1);
    const { path } = promptDatabase(false);
    expect(runBin(['--db', path, 'history', '--limit', '1']).stdout.split('\n')[1]).toMatch(/^12\s/);
  });
});

describe('bematic-console: errors and pipes', () => {
  it('prints one sentence for a broken file, the stack only with DEBUG', () => {
    const path = join(tempDir(), 'not.db');
    writeFileSync(path, 'this is not a database, just text that is long enough');
    const r = runBin(['history', '--db', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`bematic-console: ${path} is not a SQLite database\n`);
    const debug = runBin(['history', '--db', path], { env: { DEBUG: '1' } });
    expect(debug.stderr).toMatch(/^bematic-console: .* is not a SQLite database\n.*\n\s+at /);
  });

  it('stops quietly when the reader goes away (| head)', () => {
    const conn = freshDatabase();
    conn.sqlite.transaction(() => {
      for (let i = 0; i < 30_000; i++) insertServicePrompt(conn.sqlite, { prompt: `row ${i} ${'x'.repeat(80)}` });
    })();
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" history --all --db "${conn.path}" | head -n 2`], { encoding: 'utf8', env: cleanEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^30000\s/);
  });

  it('loads neither Ink nor React for the subcommands, and history neither drizzle-orm nor the schema', () => {
    const UI = /(^|\/)node_modules\/(ink|react|react-reconciler|yoga-layout)\//;
    const DRIZZLE = /(^|\/)node_modules\/drizzle-orm\/|(^|\/)db\/schema\//;
    const { path } = promptDatabase(false);
    const writer = runRecordingModules(['log-prompt', 'from the module test', '--db', path]);
    expect(writer.status, writer.stderr).toBe(0);
    expect(writer.sources.some((s) => DRIZZLE.test(s))).toBe(true); // the recording sees drizzle where it is loaded
    expect(writer.sources.filter((s) => UI.test(s))).toEqual([]);
    for (const args of [
      ['history', '--stats'],
      ['history', '--tags', '--json'],
      ['history', '--search', 'auth', '--tag', 'api'],
      ['history', '--all', '--json'],
      ['history', '--categories'],
    ]) {
      const r = runRecordingModules([...args, '--db', path]);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status).toBe(0);
      expect(
        r.sources.filter((s) => UI.test(s) || DRIZZLE.test(s)),
        args.join(' '),
      ).toEqual([]);
    }
  });
});
