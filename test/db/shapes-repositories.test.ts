import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { createRepositories } from '../../db/repositories/index.js';
import { SchemaMismatchError } from '../../db/errors.js';
import { SHAPE_VARIANTS } from '../fixtures/variants.js';
import { serviceColumns } from '../fixtures/service-ddl.js';

type Raw = Record<string, unknown>;

describe.each(SHAPE_VARIANTS)('repositories on $label', (v) => {
  const has = (table: string): boolean => v.complete || serviceColumns(v.age).has(table);

  test.each([{ readOnly: true }, { readOnly: false }])('read every row through findAll and findById (read-only: $readOnly)', ({ readOnly }) => {
    const conn = openDatabase({ path: v.make(), readOnly });
    const r = createRepositories(conn.db);
    const raw = (table: string): Raw[] => (has(table) ? (conn.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Raw[]) : []);
    const ids = (table: string): string[] => raw(table).map((row) => String(row.id));

    expect(
      r.projects
        .findAll()
        .map((p) => p.id)
        .sort(),
    ).toEqual(ids('projects').sort());
    for (const id of ids('projects')) expect(r.projects.findById(id)?.autoCommitPush).toEqual(expect.any(Boolean));
    for (const id of ids('tasks')) expect(r.tasks.findById(id)?.id).toBe(id);
    for (const id of ids('sessions')) expect(r.sessions.findById(id)?.id).toBe(id);
    expect(
      r.users
        .findAll()
        .map((u) => u.id)
        .sort(),
    ).toEqual(ids('users').sort());
    expect(r.auditLogs.findRecent(100)).toHaveLength(raw('audit_logs').length);
    expect(r.offlineQueue.findPendingByAgentId('agent-mac-01').map((m) => m.id)).toEqual(
      raw('offline_queue')
        .filter((m) => m.agent_id === 'agent-mac-01')
        .map((m) => m.id),
    );
    for (const id of ids('api_keys')) expect(r.apiKeys.findById(id)?.id).toBe(id);
    expect(
      r.promptHistory
        .findAll()
        .map((p) => p.id)
        .sort(),
    ).toEqual(
      raw('prompt_history')
        .map((p) => p.id)
        .sort(),
    );
    for (const p of raw('prompt_history')) expect(r.promptHistory.findById(Number(p.id))?.prompt).toBe(p.prompt);
    expect(r.netsuiteConfigs.findAll().map((c) => c.id)).toEqual(ids('netsuite_configs'));
    expect(
      r.scheduledTasks
        .findAll()
        .map((s) => s.id)
        .sort(),
    ).toEqual(ids('scheduled_tasks').sort());
    for (const id of ids('scheduled_tasks')) expect(r.scheduledTasks.findById(id)?.id).toBe(id);
    conn.close();
  });

  test('a write that needs a missing column or table fails naming migrate; one that does not succeeds', () => {
    const conn = openDatabase({ path: v.make() });
    const r = createRepositories(conn.db);
    const project = { name: 'probe', slackChannelId: 'C0PROBE', localPath: '/tmp/p', agentId: 'auto', autoCommitPush: true };
    if (v.complete || v.age >= 5) expect(r.projects.create(project).autoCommitPush).toBe(true);
    else expect(() => r.projects.create(project)).toThrow(SchemaMismatchError);
    const key = () => r.apiKeys.create({ agentId: 'agent-probe' });
    if (has('api_keys')) expect(key().agentId).toBe('agent-probe');
    else expect(key).toThrow(/api_keys is missing.*bematic-console migrate/);
    expect(r.auditLogs.log('shape:probe', 'test').action).toBe('shape:probe');
    conn.close();
  });
});
