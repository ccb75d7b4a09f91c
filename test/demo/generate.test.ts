import Database from 'better-sqlite3';
import { createDecipheriv } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planMigration } from '../../db/migrate/plan.js';
import { generateDemo, MANAGED_TABLES, type DemoSummary } from '../../src/demo/generate.js';
import { DEMO_NETSUITE_ENCRYPTION_KEY } from '../../src/demo/netsuite.js';
import { MALFORMED_TAGS } from '../../src/demo/prompts.js';

const NOW = Date.parse('2026-11-26T11:45:09.075Z');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** one tiny demo shared by the read-only checks below (the helpers' folders vanish after each test) */
function tinyDemo(seed = 7): { summary: DemoSummary; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'bematic-demo-'));
  const summary = generateDemo(join(dir, 'demo.db'), { scale: 0.002, seed, now: NOW });
  const db = new Database(join(dir, 'demo.db'), { readonly: true });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { summary, db };
}

const { summary, db } = tinyDemo();
const all = <T>(sql: string): T[] => db.prepare(sql).all() as T[];
const column = (sql: string): unknown[] => db.prepare(sql).pluck().all();

describe('a tiny demo database', () => {
  it('has rows in every managed table', () => {
    for (const table of MANAGED_TABLES) expect(summary.counts[table], table).toBeGreaterThan(0);
    expect(summary.counts.tasks).toBeGreaterThanOrEqual(60);
    expect(summary.counts.prompt_history).toBeGreaterThanOrEqual(60);
  });

  it('passes the integrity and foreign key checks, and is left in WAL mode', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('is what migrate would make: journal recorded, search objects built, nothing left to plan', () => {
    expect(planMigration(db).steps).toEqual([]);
  });

  it('holds every status of every table', () => {
    const statuses = (sql: string) => new Set(column(sql));
    expect(statuses('SELECT DISTINCT status FROM tasks')).toEqual(new Set(['pending', 'queued', 'running', 'completed', 'failed', 'cancelled']));
    expect(statuses('SELECT DISTINCT status FROM sessions')).toEqual(new Set(['active', 'completed', 'invalidated', 'expired']));
    expect(statuses('SELECT DISTINCT status FROM scheduled_tasks')).toEqual(new Set(['pending', 'active', 'paused', 'completed', 'cancelled', 'failed']));
    expect(statuses('SELECT DISTINCT execution_status FROM prompt_history')).toEqual(new Set(['pending', 'completed', 'failed', 'cancelled']));
    expect(statuses('SELECT DISTINCT category FROM prompt_history WHERE category IS NOT NULL')).toEqual(new Set(['feature', 'bugfix', 'refactor', 'documentation', 'research']));
    expect(statuses('SELECT DISTINCT role FROM users')).toEqual(new Set(['admin', 'developer', 'viewer']));
    expect(statuses('SELECT DISTINCT task_type FROM scheduled_tasks')).toEqual(new Set(['reminder', 'prompt_execution', 'recurring_job']));
  });

  it('keeps cancelled tasks without completed_at and finished ones with it', () => {
    expect(column("SELECT count(*) FROM tasks WHERE status = 'cancelled' AND completed_at IS NOT NULL")).toEqual([0]);
    expect(column("SELECT count(*) FROM tasks WHERE status IN ('completed', 'failed') AND completed_at IS NULL")).toEqual([0]);
    expect(column('SELECT count(*) FROM tasks WHERE created_at >= ?'.replace('?', `'${new Date(NOW - 3_600_000).toISOString()}'`))[0]).toBeGreaterThan(0);
  });

  it('writes ids with the service prefixes and a 21-character nanoid', () => {
    const nano = '[A-Za-z0-9_-]{21}';
    const check = (sql: string, prefix: string) => {
      for (const id of column(sql)) expect(id).toMatch(new RegExp(`^${prefix}${nano}$`));
    };
    check('SELECT id FROM projects', 'proj_');
    check('SELECT id FROM tasks', 'task_');
    check('SELECT id FROM sessions', 'sess_');
    check('SELECT id FROM api_keys', 'ak_');
    check('SELECT id FROM users', 'user_');
    check('SELECT id FROM netsuite_configs', 'netsuite-config_');
    check('SELECT id FROM scheduled_tasks', '');
    for (const id of column('SELECT user_id FROM scheduled_tasks')) expect(id).toMatch(/^U[A-Z0-9]{10}$/);
  });

  it('has api keys in every state, as bm_ and 64 hex, with times in integer seconds', () => {
    const now = Math.floor(NOW / 1000);
    const keys = all<{ key: string; created_at: unknown; expires_at: unknown; last_used_at: unknown; revoked: number }>('SELECT * FROM api_keys');
    for (const k of keys) {
      expect(k.key).toMatch(/^bm_[0-9a-f]{64}$/);
      expect(Number.isInteger(k.created_at)).toBe(true);
      for (const t of [k.expires_at, k.last_used_at]) if (t !== null) expect(Number.isInteger(t)).toBe(true);
    }
    expect(keys.some((k) => k.revoked === 1)).toBe(true);
    expect(keys.some((k) => k.revoked === 0 && k.expires_at !== null && (k.expires_at as number) < now)).toBe(true);
    expect(keys.some((k) => k.revoked === 0 && (k.expires_at === null || (k.expires_at as number) > now))).toBe(true);
    expect(keys.some((k) => k.last_used_at === null)).toBe(true);
  });

  it('encrypts the NetSuite credentials as ivHex:authTagHex:cipherHex that the demo key opens', () => {
    const rows = all<Record<string, string>>('SELECT consumer_key, consumer_secret, token_id, token_secret FROM netsuite_configs');
    for (const row of rows) {
      for (const value of Object.values(row)) {
        expect(value).toMatch(/^[0-9a-f]{32}:[0-9a-f]{32}:[0-9a-f]+$/);
        const [iv, tag, data] = value.split(':') as [string, string, string];
        const decipher = createDecipheriv('aes-256-gcm', Buffer.from(DEMO_NETSUITE_ENCRYPTION_KEY, 'hex'), Buffer.from(iv, 'hex'));
        decipher.setAuthTag(Buffer.from(tag, 'hex'));
        const plain = Buffer.concat([decipher.update(Buffer.from(data, 'hex')), decipher.final()]).toString('utf8');
        expect(plain).toMatch(/^[0-9a-f]{64}$/);
        expect(value).not.toContain(plain);
      }
    }
  });

  it('stores parseable JSON everywhere except the deliberately malformed prompt tags', () => {
    const json: [string, string, 'array' | 'object'][] = [
      ['tasks', 'files_changed', 'array'],
      ['tasks', 'commands_run', 'array'],
      ['prompt_history', 'related_files', 'array'],
      ['user_project_permissions', 'permissions', 'array'],
      ['audit_logs', 'metadata', 'object'],
      ['scheduled_tasks', 'metadata', 'object'],
      ['offline_queue', 'payload', 'object'],
    ];
    for (const [table, col, kind] of json) {
      for (const raw of column(`SELECT ${col} FROM ${table}`)) {
        const v: unknown = JSON.parse(raw as string);
        expect(Array.isArray(v), `${table}.${col}`).toBe(kind === 'array');
      }
    }
    const bad = column('SELECT tags FROM prompt_history').filter((raw) => {
      try {
        return !Array.isArray(JSON.parse(raw as string));
      } catch {
        return true;
      }
    });
    expect(bad.sort()).toEqual([...MALFORMED_TAGS].sort());
    expect(column(`SELECT count(*) FROM prompt_history WHERE tags LIKE '%say \\"hi\\"%'`)[0]).toBeGreaterThan(0);
  });

  it('writes every text time as toISOString does', () => {
    const times: [string, string[]][] = [
      ['projects', ['created_at', 'updated_at']],
      ['tasks', ['created_at', 'updated_at', 'completed_at']],
      ['sessions', ['created_at', 'completed_at']],
      ['users', ['created_at', 'updated_at']],
      ['user_project_permissions', ['created_at']],
      ['audit_logs', ['timestamp']],
      ['offline_queue', ['created_at', 'expires_at', 'delivered_at']],
      ['prompt_history', ['timestamp', 'completed_at']],
      ['netsuite_configs', ['created_at', 'updated_at']],
      ['scheduled_tasks', ['scheduled_for', 'last_executed_at', 'next_execution_at', 'created_at', 'updated_at', 'last_triggered_at', 'expires_at']],
    ];
    for (const [table, cols] of times) {
      for (const col of cols) {
        for (const t of column(`SELECT ${col} FROM ${table} WHERE ${col} IS NOT NULL`)) expect(t, `${table}.${col}`).toMatch(ISO);
      }
    }
  });

  it('numbers prompts and audit events in time order', () => {
    for (const [table, col] of [
      ['prompt_history', 'timestamp'],
      ['audit_logs', 'timestamp'],
    ]) {
      const times = column(`SELECT ${col} FROM ${table} ORDER BY id`) as string[];
      expect(times).toEqual([...times].sort());
    }
  });

  it('has schedules due now, recurring ones with hourly-or-slower cron in several timezones', () => {
    const due = column(`SELECT count(*) FROM scheduled_tasks WHERE next_execution_at <= '${new Date(NOW).toISOString()}' AND enabled = 1 AND status IN ('pending', 'active')`);
    expect(due[0]).toBeGreaterThan(0);
    expect(new Set(column('SELECT timezone FROM scheduled_tasks')).size).toBeGreaterThanOrEqual(3);
    for (const cron of column("SELECT cron_expression FROM scheduled_tasks WHERE task_type = 'recurring_job'")) expect(cron).toMatch(/^\d+ /);
    expect(column("SELECT DISTINCT bot_name || ' ' || command FROM scheduled_tasks WHERE task_type = 'reminder'")).toEqual(['system remind']);
  });
});

describe('progress of a big build', () => {
  it('says when the secondary indexes are built after the rows, one by one, not only the rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bematic-demo-'));
    const seen: string[] = [];
    try {
      generateDemo(join(dir, 'demo.db'), { scale: 0.002, now: NOW, progress: (done, total, what) => void seen.push(`${what} ${done}/${total}`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const tasks = seen.filter((s) => s.startsWith('indexes on tasks and sessions'));
    expect(tasks.length).toBeGreaterThan(2);
    expect(tasks[0]).toMatch(/ 0\/\d+$/);
    expect(tasks[tasks.length - 1]).toMatch(/ (\d+)\/\1$/);
    expect(seen.some((s) => s.startsWith('indexes on prompt_history'))).toBe(true);
    // after the rows they sort
    expect(seen.indexOf(tasks[0]!)).toBeGreaterThan(seen.findIndex((s) => s.startsWith('tasks ')));
  });
});
