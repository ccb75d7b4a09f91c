import { describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import doctor from '../../src/commands/doctor.js';
import migrate from '../../src/commands/migrate.js';
import { serviceFile } from '../fixtures/service-file.js';
import { runCommand } from '../fixtures/run-command.js';
import { tempDbPath, tempDir } from '../helpers/temp-db.js';
import type { DoctorReport } from '../../db/doctor/report.js';

describe('doctor reports what the file is', () => {
  test('an unmigrated service file: what is missing, what is slow, what is left alone; the file is not touched', async () => {
    const path = serviceFile(6);
    const bytes = readFileSync(path);
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toContain(`Database   ${path}`);
    expect(out).toMatch(/Size {7}\d+(\.\d)? KB/);
    expect(out).toMatch(/SQLite {5}3\.\d+\.\d+, journal mode wal/);
    expect(out).toContain('Journal    none: made by the Bematic service (no migration journal)');
    expect(out).toContain('Integrity  ok (quick_check)');
    expect(out).toMatch(/ {2}projects +present +2 rows {2}missing columns: is_netsuite\n/);
    expect(out).toMatch(/ {2}idx_tasks_status_created +missing {2}tasks \(status, created_at, id\)\n/);
    expect(out).toMatch(/ {2}prompt_history_fts +missing\n/);
    expect(out).toMatch(/Not managed by the console \(left alone\)\n {2}archived_tasks +1 row\n/);
    expect(out).toMatch(/ {2}tasks by status \(Dashboard, Tasks filter\): +full scan of 3 rows\n/);
    expect(out).toMatch(/Run `bematic-console migrate` to add what is missing \(\d+ steps, additive; `--dry-run` lists them\)\.\n$/);
    expect(out).not.toContain('\u001b['); // piped output is plain
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test('a migrated file matches the schema', async () => {
    const path = serviceFile(2);
    expect((await runCommand(migrate, ['--db', path])).code).toBe(0);
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The file matches the schema: nothing for `bematic-console migrate` to do.');
    expect(run.stdout).not.toContain('Slow until migrated');
    expect(run.stdout).toMatch(/Journal {4}__bematic_console_migrations: (\d+) of \1 committed migrations recorded/);
  });

  test('--json gives the whole report as data', async () => {
    const path = serviceFile(4);
    const run = await runCommand(doctor, ['--db', path, '--json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as DoctorReport;
    expect(r.path).toBe(path);
    expect(r.sizeBytes).toBe(statSync(path).size);
    expect(r.tables.find((t) => t.name === 'scheduled_tasks')!.present).toBe(false);
    expect(r.quickCheck).toEqual(['ok']);
    expect(r.migrateSteps).toBeGreaterThan(0);
  });
});

describe('doctor shows what the file and its path hold as inert text', () => {
  test('a hostile path, table name and index names: control characters shown as \\xNN, never sent raw', async () => {
    const dir = join(tempDir(), 'db\u001b]0;owned\u0007');
    mkdirSync(dir);
    const path = join(dir, 'x\u001b[2J.db');
    copyFileSync(serviceFile(7), path);
    const db = new Database(path);
    db.exec('CREATE TABLE "notes\u001b[31m" (id INTEGER PRIMARY KEY, body TEXT)');
    db.exec('CREATE INDEX "a\u009b1m" ON offline_queue (agent_id)');
    db.exec('CREATE INDEX "b\u001b[5m" ON offline_queue (agent_id)');
    db.close();
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('Database   ' + dir.replace('\u001b', '\\x1b').replace('\u0007', '\\x07') + '/x\\x1b[2J.db');
    expect(run.stdout).toMatch(/\n {2}notes\\x1b\[31m +0 rows\n/);
    expect(run.stdout).toContain('a\\x9b1m, b\\x1b[5m');
    const json = await runCommand(doctor, ['--db', path, '--json']);
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(json.stdout) as DoctorReport).path).toBe(path);
  });
});

describe('doctor on files it cannot read says so in one sentence, exit 1', () => {
  const expectOneSentence = (stderr: string, pattern: RegExp): void => {
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  };

  test('a file that is not SQLite', async () => {
    const path = tempDbPath('notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr, /is not a SQLite database/);
  });

  test('a truncated file', async () => {
    const path = serviceFile(7);
    truncateSync(path, 8192);
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr, /is damaged or truncated: SQLite cannot read it \(database disk image is malformed\)/);
  });

  test('a file damaged inside: the report shows the quick check complaints and says what to do', async () => {
    const path = serviceFile(7);
    const bytes = readFileSync(path);
    bytes.fill(7, 5000, 9000);
    writeFileSync(path, bytes);
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Integrity {2}.*malformed.*\(quick_check\)/);
    expect(run.stdout).toContain('The file is damaged: copy it aside');
  });

  test('a missing file is never created, and a directory is refused', async () => {
    const path = tempDbPath('typo.db');
    const run = await runCommand(doctor, ['--db', path]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr, /no database at .*typo\.db/);
    const dir = tempDir();
    mkdirSync(`${dir}/d.db`);
    expectOneSentence((await runCommand(doctor, ['--db', `${dir}/d.db`])).stderr, /is a directory/);
  });

  test('bad usage is exit 2; --help prints the usage', async () => {
    expect((await runCommand(doctor, ['--fix'])).code).toBe(2);
    expect((await runCommand(doctor, ['--help'])).stdout).toMatch(/^Usage: bematic-console doctor/);
  });
});
