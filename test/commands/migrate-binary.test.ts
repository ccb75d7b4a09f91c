import { describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../db/package-root.js';
import { serviceFile } from '../fixtures/service-file.js';
import { tempDbPath } from '../helpers/temp-db.js';

// `npm test` builds first; the binary is what an operator runs
const BIN = join(packageRoot(), 'dist', 'bin', 'bematic-console.js');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the real binary: migrate and doctor', () => {
  test('doctor, migrate --dry-run, migrate, doctor again on a service-made file', () => {
    const path = serviceFile(5);
    const before = run('doctor', '--db', path);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('Slow until migrated');

    const bytes = readFileSync(path);
    const dry = run('migrate', '--dry-run', '--db', path);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    expect(readFileSync(path).equals(bytes)).toBe(true);

    const real = run('migrate', '--db', path);
    expect(real.code).toBe(0);
    expect(real.stderr).toMatch(/^\[1\/\d+\] /);
    expect(real.stdout).toMatch(/Migrated .*; it now matches the schema\./);

    const after = run('doctor', '--db', path);
    expect(after.stdout).toContain('The file matches the schema');
  });

  test('migrate waits for a write the service holds, instead of failing', async () => {
    const path = serviceFile(7);
    const service = new Database(path);
    service.pragma('journal_mode = WAL');
    service.prepare('BEGIN IMMEDIATE').run();
    service.prepare("INSERT INTO audit_logs (action, resource_type, metadata, timestamp) VALUES ('task:cancelled', 'task', '{}', ?)").run(new Date().toISOString());
    const child = spawn(process.execPath, [BIN, 'migrate', '--db', path], { env: { ...process.env, NO_COLOR: '1' } });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // once the plan is out, migrate is at its first write: hold the lock a little longer, well inside 5 s
    child.stdout.once('data', () => setTimeout(() => service.prepare('COMMIT').run(), 300));
    expect(await exit).toBe(0);
    expect(service.prepare("SELECT count(*) FROM audit_logs WHERE action = 'task:cancelled'").pluck().get()).toBe(2);
    service.close();
  });

  test('errors are one line with the documented exit codes', () => {
    const readOnly = run('migrate', '--read-only', '--db', tempDbPath());
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr.trim().split('\n')).toHaveLength(1);

    const notes = tempDbPath('notes.db');
    writeFileSync(notes, 'not a database at all\n'.repeat(100));
    const bad = run('doctor', '--db', notes);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bematic-console: .* is not a SQLite database\n$/);
  });
});
