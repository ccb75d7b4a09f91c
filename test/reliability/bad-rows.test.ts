import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../../db/connection.js';
import { BematicError } from '../../db/errors.js';
import { createRepositories } from '../../db/repositories/index.js';
import { apiKeyState, maskApiKey } from '../../db/repositories/api-keys.js';
import * as views from './malformed-views.js';
import * as actions from '../../db/actions/index.js';
import { completePrompt } from '../../db/actions/prompts.js';
import type { Operator } from '../../db/operator.js';
import { snapshot, changes } from '../db/actions/harness.js';
import { runBinary } from '../helpers/spawn.js';
import { writeMalformedFile, type MalformedIds } from './malformed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bematic-badrows-'));
const path = join(dir, 'malformed.db');
let ids: MalformedIds;
let conn: Connection;
beforeAll(() => {
  ids = writeMalformedFile(path);
});
afterAll(() => {
  conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calls `read` and reports a crash by name, so one run lists every read that fails. */
function crashes(reads: [string, () => unknown][]): string[] {
  const out: string[] = [];
  for (const [name, read] of reads) {
    try {
      const value = read();
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)); // a Date that is Invalid is fine; a throw is not
    } catch (e) {
      out.push(`${name}: ${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  return out;
}

describe('reading rows with malformed JSON, unknown statuses, NULLs in NOT NULL columns and odd time encodings', () => {
  it('every repository read and every console view answers without crashing', () => {
    conn = openDatabase({ path, readOnly: true });
    const r = createRepositories(conn.db);
    const t = ids.text;
    const reads: [string, () => unknown][] = [
      ['projects.findAll', () => r.projects.findAll()],
      ...t.projects!.map((id): [string, () => unknown] => [`projects.findById ${id}`, () => r.projects.findById(id)]),
      ['tasks.findByStatus', () => ['EXPLODED', 'pending', 'completed', ''].map((s) => r.tasks.findByStatus(s, 50))],
      ...t.tasks!.map((id): [string, () => unknown] => [`tasks.findById ${id}`, () => [r.tasks.findById(id), r.tasks.findSubtasks(id)]]),
      ...t.projects!.map((id): [string, () => unknown] => [`tasks.findByProjectId ${id}`, () => [r.tasks.findByProjectId(id), r.tasks.findActiveByProjectId(id)]]),
      ...t.sessions!.map((id): [string, () => unknown] => [`sessions.findById ${id}`, () => r.sessions.findById(id)]),
      ...t.tasks!.map((id): [string, () => unknown] => [`sessions.findByTaskId ${id}`, () => r.sessions.findByTaskId(id)]),
      ['users.findAll', () => r.users.findAll()],
      ['users.countActiveAdmins', () => r.users.countActiveAdmins()],
      ...t.users!.map((id): [string, () => unknown] => [`users.findPermissions ${id}`, () => r.users.findPermissions(id)]),
      ['auditLogs.findRecent', () => r.auditLogs.findRecent(100)],
      ['offlineQueue.findPendingByAgentId', () => r.offlineQueue.findPendingByAgentId('agent')],
      ['netsuiteConfigs.findAll', () => r.netsuiteConfigs.findAll()],
      ['apiKeys.findActive', () => r.apiKeys.findActive()],
      ...t.api_keys!.map((id): [string, () => unknown] => [
        `apiKeys.findById ${id}`,
        () => {
          const k = r.apiKeys.findById(id);
          return k && [apiKeyState(k), maskApiKey(k.key), k.createdAt, k.expiresAt, k.lastUsedAt];
        },
      ]),
      ['scheduledTasks.findAll', () => r.scheduledTasks.findAll()],
      ['scheduledTasks.findDue', () => r.scheduledTasks.findDue()],
      ['scheduledTasks.findUpcoming', () => r.scheduledTasks.findUpcoming(20)],
      ['scheduledTasks.findActive', () => r.scheduledTasks.findActive()],
      ['scheduledTasks.countByUser', () => r.scheduledTasks.countByUser('U1')],
      ['promptHistory.findAll', () => r.promptHistory.findAll({ limit: 1000 })],
      ['promptHistory.search', () => [r.promptHistory.findAll({ search: 'pwn' }), r.promptHistory.findAll({ tag: 'a string' }), r.promptHistory.count({ status: 'EXPLODED' })]],
      ['promptHistory.getStats', () => r.promptHistory.getStats()],
      ['promptHistory.getCategories', () => r.promptHistory.getCategories()],
      ['promptHistory.getTags', () => r.promptHistory.getTags()],
      ...views.reads(conn.db, t),
    ];
    expect(crashes(reads)).toEqual([]);
  });
});

const OP: Operator = { id: 'U0BADROWS', role: 'admin', known: false, active: true, readOnly: false };

describe('changing malformed rows: each change is whole (row and audit) or nothing', () => {
  it.each([
    ['cancel task', (c: Connection, id: string) => actions.cancelTask(c.db, OP, id), 'tasks'],
    ['revoke key', (c: Connection, id: string) => actions.revokeApiKey(c.db, OP, id), 'api_keys'],
    ['pause schedule', (c: Connection, id: string) => actions.pauseSchedule(c.db, OP, id), 'scheduled_tasks'],
    ['resume schedule', (c: Connection, id: string) => actions.resumeSchedule(c.db, OP, id, { fireNow: true }), 'scheduled_tasks'],
    ['cancel schedule', (c: Connection, id: string) => actions.cancelSchedule(c.db, OP, id), 'scheduled_tasks'],
    ['make viewer', (c: Connection, id: string) => actions.changeUserRole(c.db, OP, id, 'viewer'), 'users'],
    ['deactivate', (c: Connection, id: string) => actions.setUserActive(c.db, OP, id, false), 'users'],
    ['edit project', (c: Connection, id: string) => actions.updateProject(c.db, OP, id, { defaultMaxBudget: 7 }), 'projects'],
  ] as const)('%s', (_name, act, table) => {
    const rw = openDatabase({ path });
    try {
      const outcomes: string[] = [];
      for (const id of ids.text[table]!) {
        const before = snapshot(rw.sqlite);
        let applied = false;
        try {
          act(rw, id);
          applied = true;
        } catch (e) {
          if (!(e instanceof BematicError)) outcomes.push(`${id}: crashed with ${(e as Error).name}: ${(e as Error).message}`);
        }
        const changed = changes(before, snapshot(rw.sqlite));
        // a task cancel also queues its task:cancel message for the agent (issue 12)
        const expected: Record<string, number> = applied ? { [table]: 1, audit_logs: 1, ...(table === 'tasks' ? { offline_queue: 1 } : {}) } : {};
        const same = Object.keys({ ...changed, ...expected }).every((k) => changed[k] === expected[k]);
        if (!same) outcomes.push(`${id}: ${applied ? 'applied' : 'refused'} but changed ${JSON.stringify(changed)}`);
      }
      expect(outcomes).toEqual([]);
    } finally {
      rw.close();
    }
  });

  it('complete prompt', () => {
    const rw = openDatabase({ path });
    try {
      const bad: string[] = [];
      for (const id of ids.numeric.prompt_history!) {
        const before = snapshot(rw.sqlite);
        let applied = false;
        try {
          completePrompt(rw.db, OP, id, { notes: 'checked' });
          applied = true;
        } catch (e) {
          if (!(e instanceof BematicError)) bad.push(`${id}: crashed with ${(e as Error).message}`);
        }
        const changed = changes(before, snapshot(rw.sqlite));
        const ok = applied ? changed.prompt_history === 1 && changed.audit_logs === 1 : Object.keys(changed).length === 0;
        if (!ok) bad.push(`${id}: ${applied ? 'applied' : 'refused'} but changed ${JSON.stringify(changed)}`);
      }
      expect(bad).toEqual([]);
    } finally {
      rw.close();
    }
  });
});

describe('the subcommands on the malformed file', () => {
  const modes = [
    [],
    ['--all'],
    ['--json'],
    ['--all', '--json'],
    ['--stats'],
    ['--stats', '--json'],
    ['--categories'],
    ['--categories', '--json'],
    ['--tags'],
    ['--tags', '--json'],
    ['--search', 'pwn'],
    ['--search', 'pwn', '--json'],
    ['--tag', 'a string'],
    ['--category', 'feature'],
    ['--status', 'completed'],
  ];
  it.each(modes.map((m) => [m.join(' ') || '(newest 20)', m]))('history %s: exit 0, and no escape character of the data reaches stdout', async (_name, mode) => {
    const run = await runBinary(['history', ...mode, '--db', path, '--read-only']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdoutBytes.includes(0x1b)).toBe(false);
    expect(run.stdout.includes('\u009b')).toBe(false);
  });

  it('doctor reports the file, and --json parses', async () => {
    const text = await runBinary(['doctor', '--db', path]);
    expect(text.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(text.code).toBe(0);
    const json = await runBinary(['doctor', '--json', '--db', path]);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});
