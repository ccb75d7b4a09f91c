import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import migrate from '../../src/commands/migrate.js';
import { fileWithDuplicateUser, inflateTaskRowids, serviceFile } from '../fixtures/service-file.js';
import { dumpAllRows } from '../fixtures/dump.js';
import { runCommand } from '../fixtures/run-command.js';
import { tempDbPath } from '../helpers/temp-db.js';

const tableNames = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  db.close();
  return names;
};

describe('migrate prints its plan, applies it, and says so', () => {
  test('a service-made file: numbered plan first, progress on stderr, a summary, then up to date', async () => {
    const path = serviceFile(1);
    const run = await runCommand(migrate, ['--db', path]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Database: ${path}`);
    expect(lines[1]).toMatch(/made by the Bematic service \(no migration journal\): it will be adopted/);
    const steps = lines.filter((l) => /^\s+\d+\. /.test(l));
    expect(steps[0]).toMatch(/^\s+1\. create table api_keys/);
    expect(steps.at(-1)).toMatch(/record \d+ committed migrations? .* as applied in __bematic_console_migrations/);
    expect(lines.indexOf(steps[0]!)).toBeLessThan(lines.findIndex((l) => l.startsWith('Migrated ')));
    expect(run.stderr.trim().split('\n')).toHaveLength(steps.length);
    expect(run.stderr).toMatch(new RegExp(`^\\[1/${steps.length}\\] create table api_keys`));
    expect(run.stdout).toMatch(new RegExp(`Migrated .*: ${steps.length} steps in \\d+\\.\\d s; it now matches the schema\\.`));

    const again = await runCommand(migrate, ['--db', path]);
    expect(again).toEqual({ code: 0, stdout: `${path} is up to date: nothing to do.\n`, stderr: '' });
  });

  test('DATABASE_URL names the file when --db is absent', async () => {
    const path = serviceFile(7);
    const run = await runCommand(migrate, [], { DATABASE_URL: `file:${path}` });
    expect(run.code).toBe(0);
    expect(tableNames(path)).toContain('__bematic_console_migrations');
  });
});

test('a hostile path is printed escaped, in the plan, the summary and the up-to-date line', async () => {
  const path = tempDbPath('new\u001b]0;owned\u0007.db');
  const run = await runCommand(migrate, ['--db', path]);
  expect(run.code).toBe(0);
  // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
  expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(run.stdout).toContain('new\\x1b]0;owned\\x07.db');
  expect((await runCommand(migrate, ['--db', path])).stdout).toMatch(/new\\x1b\]0;owned\\x07\.db is up to date/);
});

describe('migrate --dry-run changes nothing', () => {
  test('a service-made file stays byte-identical and gets no journal', async () => {
    const path = serviceFile(3);
    const bytes = readFileSync(path);
    const run = await runCommand(migrate, ['--dry-run', '--db', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Plan: \d+ steps/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Dry run: nothing was changed.');
    expect(run.stderr).toBe('');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(tableNames(path)).not.toContain('__bematic_console_migrations');
  });

  test('a missing file is planned as new and not created', async () => {
    const path = tempDbPath('typo.db');
    const run = await runCommand(migrate, ['--db', path, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('does not exist yet: migrate creates it');
    expect(run.stdout).toMatch(/1\. create the full schema on the new file: 11 tables/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('migrate creates a new database only when asked', () => {
  test('a missing file gets the full schema and a journal; a second run has nothing to do', async () => {
    const path = tempDbPath('new/bematic.db');
    const run = await runCommand(migrate, ['--db', path]);
    expect(run.code).toBe(0);
    expect(tableNames(path)).toEqual(expect.arrayContaining(['__bematic_console_migrations', 'projects', 'scheduled_tasks', 'tasks']));
    expect((await runCommand(migrate, ['--db', path])).stdout).toContain('up to date');
  });
});

describe('migrate refuses what it must not do', () => {
  test('--read-only is bad usage (exit 2) and creates nothing', async () => {
    const path = tempDbPath();
    const run = await runCommand(migrate, ['--read-only', '--db', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot run with --read-only/);
    expect(existsSync(path)).toBe(false);
  });

  test('an unknown flag is bad usage; --help prints the usage', async () => {
    expect((await runCommand(migrate, ['--force'])).code).toBe(2);
    const help = await runCommand(migrate, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: bematic-console migrate \[--dry-run\]/);
  });

  test('a big index without --yes stops before any change when it cannot ask; --yes goes ahead', async () => {
    const path = serviceFile(7);
    inflateTaskRowids(path, 3_000_000);
    const bytes = readFileSync(path);
    const run = await runCommand(migrate, ['--db', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/~3\.0M rows of tasks; stop the service first/);
    expect(run.stderr).toMatch(/^bematic-console: stopped before changing anything: .* run again with --yes\n$/);
    expect(tableNames(path)).not.toContain('__bematic_console_migrations');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect((await runCommand(migrate, ['--db', path, '--yes'])).code).toBe(0);
  });

  test('on a terminal it asks about the big index first: No stops, yes goes ahead', async () => {
    const path = serviceFile(7);
    inflateTaskRowids(path, 3_000_000);
    const no = await runCommand(migrate, ['--db', path], {}, 'n\n');
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/Is the service stopped\? Continue\? \[y\/N\] /);
    expect(no.stderr).toContain('stopped before changing anything, as asked');
    expect(tableNames(path)).not.toContain('__bematic_console_migrations');
    const yes = await runCommand(migrate, ['--db', path], {}, 'y\n');
    expect(yes.code).toBe(0);
    expect(tableNames(path)).toContain('__bematic_console_migrations');
  });

  test('a step SQLite refuses stops migrate with one sentence, exit 1, rows untouched', async () => {
    const path = fileWithDuplicateUser();
    const db = new Database(path, { readonly: true });
    const before = dumpAllRows(db);
    db.close();
    const run = await runCommand(migrate, ['--db', path]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('bematic-console:'))).toEqual([
      'bematic-console: migrate stopped: UNIQUE constraint failed: users.slack_user_id; the steps before it are applied, run migrate again once fixed',
    ]);
    const after = new Database(path, { readonly: true });
    expect(dumpAllRows(after).users).toEqual(before.users);
    after.close();
  });
});
