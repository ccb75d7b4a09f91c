import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { cancelTask } from '../../../db/actions/tasks.js';
import { OfflineQueueRepository } from '../../../db/repositories/offline-queue.js';
import { subtaskSnapshot, subtasksSince } from '../../../db/actions/task-subtasks.js';
import { openDatabase, type Connection } from '../../../db/connection.js';
import { pushSchema } from '../../../db/migrate/push-schema.js';
import { createServiceDatabase, SERVICE_AGES, type ServiceAge } from '../../fixtures/service-ddl.js';
import { insertServiceRows } from '../../fixtures/service-rows.js';
import { tempDbPath } from '../../helpers/temp-db.js';
import { drainQueue, queueServiceSubmit } from '../../helpers/queue-drain.js';
import { operator } from './harness.js';

type Shape = { label: string; age: ServiceAge | 'console'; make: () => string };

/** Files made by the service's boot DDL of each age, and one made by the console's own schema. */
const SHAPES: Shape[] = [
  ...SERVICE_AGES.map((age) => ({
    label: `service age ${age}`,
    age,
    make: () => {
      const path = tempDbPath(`cancel-age-${age}.db`);
      const s = createServiceDatabase(path, age);
      insertServiceRows(s, age);
      s.close();
      return path;
    },
  })),
  {
    label: 'console schema',
    age: 'console' as const,
    make: () => {
      const path = tempDbPath('cancel-console.db');
      const c = openDatabase({ path, create: true });
      pushSchema(c.sqlite);
      c.close();
      return path;
    },
  },
];

const AGENT = 'agent-web-01';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Inserts a row the way the service does: naming only the columns this file has. */
function insert(sqlite: Database.Database, table: string, row: Record<string, string | number | null>): void {
  const cols = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
  const names = Object.keys(row).filter((c) => cols.has(c));
  sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((c) => row[c]!));
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  return (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes(column);
}

interface World {
  path: string;
  parent: string;
  subs: { queued: string; running: string; pending: string; completed: string } | null;
  other: string;
  submits: { parent: number; subQueued: number | null; other: number };
}

/**
 * As the service leaves it: a project whose agent went offline, a queued parent task with its
 * task:submit in offline_queue, subtasks (where the file has parent_task_id) queued with their own
 * submit, running, pending and completed, and another project's queued task with its submit.
 */
function world(shape: Shape, agentId = AGENT): World {
  const path = shape.make();
  const s = new Database(path);
  const now = new Date().toISOString();
  const project = {
    id: 'proj_cancelTestProjectAaaaa',
    name: 'web',
    slack_channel_id: 'C0CANCEL1',
    local_path: '/srv/web',
    agent_id: agentId,
    default_model: 'claude-sonnet-4-5-20250929',
    default_max_budget: 5,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  insert(s, 'projects', project);
  insert(s, 'projects', { ...project, id: 'proj_cancelTestOtherBbbbbb', slack_channel_id: 'C0CANCEL2', agent_id: 'agent-other' });
  let n = 0;
  const task = (id: string, status: string, parent: string | null, projectId = project.id) => {
    const at = new Date(Date.now() - 60_000 + ++n * 1000).toISOString(); // created in this order
    insert(s, 'tasks', {
      id,
      project_id: projectId,
      bot_name: 'coder',
      command: 'fix',
      prompt: `prompt of ${id}`,
      status,
      slack_channel_id: 'C0CANCEL1',
      slack_user_id: 'U0DEV1',
      created_at: at,
      updated_at: at,
      parent_task_id: parent,
      completed_at: status === 'completed' ? at : null,
    });
  };
  const parent = 'task_parentQueuedAaaaaaaaa';
  task(parent, 'queued', null);
  const other = 'task_otherQueuedBbbbbbbbbb';
  task(other, 'queued', null, 'proj_cancelTestOtherBbbbbb');
  let subs: World['subs'] = null;
  if (hasColumn(s, 'tasks', 'parent_task_id')) {
    subs = { queued: 'task_subQueuedCccccccccccc', running: 'task_subRunningDddddddddd', pending: 'task_subPendingEeeeeeeeeee', completed: 'task_subCompletedFfffffff' };
    for (const [status, id] of Object.entries(subs)) task(id, status, parent);
  }
  s.close();
  const submit = (id: string, agent: string, projectId = project.id) => queueServiceSubmit(path, agent, { id, projectId, channel: 'C0CANCEL1', user: 'U0DEV1' });
  const submits = { parent: submit(parent, agentId), subQueued: subs ? submit(subs.queued, agentId) : null, other: submit(other, 'agent-other', 'proj_cancelTestOtherBbbbbb') };
  return { path, parent, subs, other, submits };
}

const read = (path: string, sql: string, ...args: unknown[]): Record<string, unknown>[] => {
  const s = new Database(path, { readonly: true });
  try {
    return s.prepare(sql).all(...args) as Record<string, unknown>[];
  } finally {
    s.close();
  }
};
const statusOf = (path: string, id: string) => read(path, 'SELECT status, completed_at FROM tasks WHERE id = ?', id)[0];

function withConsole<T>(path: string, fn: (c: Connection) => T): T {
  const c = openDatabase({ path });
  try {
    return fn(c);
  } finally {
    c.close();
  }
}

describe('the service drain (test double) against a cancel made in the database alone', () => {
  it('brings the task back: its queued task:submit is sent and the task set to pending (what the console did before)', () => {
    const w = world(SHAPES[0]!);
    const s = new Database(w.path);
    s.prepare("UPDATE tasks SET status = 'cancelled' WHERE id = ?").run(w.parent);
    s.close();
    const sent = drainQueue(w.path, [AGENT]);
    expect(sent.map((m) => [m.message?.type, m.message?.payload?.taskId])).toContainEqual(['task:submit', w.parent]);
    expect(statusOf(w.path, w.parent)).toMatchObject({ status: 'pending' });
  });
});

describe.each(SHAPES)('cancelling on a file of $label', (shape) => {
  it('stays cancelled through the service drain; subtasks cancelled; task:cancel queued in the service shape; audited', () => {
    const w = world(shape);
    const reason = 'Cancelled by <@U0ADMIN1> from bematic-console'; // the service's wording, with the operator's Slack id
    const outcome = withConsole(w.path, (c) => cancelTask(c.db, operator({ id: 'U0ADMIN1' }), w.parent));
    const cancelledIds = [w.parent, ...(w.subs ? [w.subs.queued, w.subs.running, w.subs.pending] : [])];
    expect([outcome.task.id, ...outcome.subtasks.map((s) => s.task.id)]).toEqual(cancelledIds);

    // tasks: cancelled, completed_at NULL; the completed subtask and the other project's task untouched
    for (const id of cancelledIds) expect(statusOf(w.path, id)).toEqual({ status: 'cancelled', completed_at: null });
    if (w.subs) expect(statusOf(w.path, w.subs.completed)?.status).toBe('completed');
    expect(statusOf(w.path, w.other)?.status).toBe('queued');

    // the submits of the cancelled tasks are out of the drain (delivered = 1); the other one is still queued
    const queued = (id: number) => read(w.path, 'SELECT delivered, delivered_at FROM offline_queue WHERE id = ?', id)[0];
    expect(queued(w.submits.parent)).toMatchObject({ delivered: 1, delivered_at: expect.stringMatching(ISO) });
    if (w.submits.subQueued !== null) expect(queued(w.submits.subQueued)).toMatchObject({ delivered: 1 });
    expect(queued(w.submits.other)).toEqual({ delivered: 0, delivered_at: null });

    // one task:cancel row per cancelled task, exactly the service's OfflineQueue.enqueue(createWSMessage(...))
    const cancels = read(w.path, "SELECT * FROM offline_queue WHERE message_type = 'task:cancel' AND delivered = 0 ORDER BY id");
    expect(cancels).toHaveLength(cancelledIds.length);
    cancels.forEach((row, i) => {
      expect(row).toMatchObject({ agent_id: AGENT, message_type: 'task:cancel', delivered: 0, delivered_at: null });
      expect(row.created_at).toMatch(ISO);
      expect(row.expires_at).toMatch(ISO);
      expect(Date.parse(row.expires_at as string) - Date.parse(row.created_at as string)).toBe(86_400_000);
      const message = JSON.parse(row.payload as string) as Record<string, unknown>;
      expect(Object.keys(message)).toEqual(['id', 'type', 'payload', 'timestamp']);
      expect(message.id).toMatch(/^msg_[A-Za-z0-9_-]{21}$/);
      expect(message.type).toBe('task:cancel');
      expect(message.timestamp).toBe(Date.parse(row.created_at as string));
      const id = cancelledIds[i]!;
      const want = i === 0 ? reason : `Parent task ${w.parent} cancelled: ${reason}`;
      expect(JSON.stringify(message.payload)).toBe(JSON.stringify({ taskId: id, reason: want }));
    });
    const ids = cancels.map((r) => JSON.parse(r.payload as string).id);
    expect(new Set(ids).size).toBe(ids.length);

    // audit: one task:cancelled per cancelled task, {reason} as the service writes it
    const audits = read(w.path, "SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs WHERE action = 'task:cancelled' AND user_id = 'U0ADMIN1' ORDER BY id");
    expect(audits.map((a) => a.resource_id)).toEqual(cancelledIds);
    const meta = audits.map((a) => JSON.parse(a.metadata as string) as Record<string, unknown>);
    expect(meta[0]).toMatchObject({
      reason,
      before: { status: 'queued' },
      after: { status: 'cancelled' },
      withdrawnSubmits: [w.submits.parent],
      cancelMessage: { queueId: cancels[0]!.id, agentId: AGENT },
    });
    expect(meta[0]!.subtasks).toEqual(cancelledIds.slice(1));
    for (const m of meta.slice(1)) expect(m).toMatchObject({ reason: `Parent task ${w.parent} cancelled: ${reason}`, parentTaskId: w.parent, after: { status: 'cancelled' } });
    if (w.subs) expect(meta.map((m) => (m.before as { status: string }).status)).toEqual(['queued', 'queued', 'running', 'pending']);

    // the service's drain with the agent back: it sends the task:cancel messages and the other task's
    // submit, never a cancelled task's submit, and every cancelled task stays cancelled
    const sent = drainQueue(w.path, [AGENT, 'agent-other']);
    const submitted = sent.filter((m) => m.message?.type === 'task:submit').map((m) => m.message?.payload?.taskId);
    expect(submitted).toEqual([w.other]);
    expect(sent.filter((m) => m.message?.type === 'task:cancel').map((m) => [m.agentId, m.message?.payload?.taskId])).toEqual(cancelledIds.map((id) => [AGENT, id]));
    for (const id of cancelledIds) expect(statusOf(w.path, id)?.status).toBe('cancelled');
    expect(statusOf(w.path, w.other)?.status).toBe('pending'); // the double does bring back what it sends
    expect(drainQueue(w.path, [AGENT])).toEqual([]); // nothing of it left for a later drain
  });

  it('cancels a running task: the task:cancel for a project on `auto` goes to the agent the drain picks', () => {
    const w = world(shape, 'auto');
    const s = new Database(w.path);
    s.prepare("UPDATE tasks SET status = 'running' WHERE id = ?").run(w.parent);
    s.close();
    const outcome = withConsole(w.path, (c) => cancelTask(c.db, operator(), w.parent, { reason: 'stop it' }));
    expect(outcome).toMatchObject({ before: 'running', agentId: 'auto' });
    const row = read(w.path, 'SELECT agent_id, payload FROM offline_queue WHERE id = ?', outcome.cancelMessage)[0]!;
    expect(row.agent_id).toBe('auto');
    expect(JSON.parse(row.payload as string).payload).toEqual({ taskId: w.parent, reason: 'stop it' });
    const sent = drainQueue(w.path, ['agent-any-07']);
    expect(sent.find((m) => m.queueId === outcome.cancelMessage)).toMatchObject({ agentId: 'agent-any-07', queuedFor: 'auto' });
    expect(statusOf(w.path, w.parent)?.status).toBe('cancelled');
  });
});

describe('rows in offline_queue the console did not write', () => {
  it('a payload that is not JSON, a submit of another task and a delivered submit are left as they are', () => {
    const w = world(SHAPES[6]!);
    const s = new Database(w.path);
    const at = new Date().toISOString();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const add = s.prepare('INSERT INTO offline_queue (agent_id, message_type, payload, created_at, expires_at, delivered, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const broken = Number(add.run(AGENT, 'task:submit', `{not json ${w.parent}`, at, later, 0, null).lastInsertRowid);
    const done = Number(add.run(AGENT, 'task:submit', JSON.stringify({ id: 'msg_x', type: 'task:submit', payload: { taskId: w.parent }, timestamp: 1 }), at, later, 1, at).lastInsertRowid);
    s.close();
    const before = read(w.path, 'SELECT * FROM offline_queue WHERE id IN (?, ?, ?) ORDER BY id', broken, done, w.submits.other);
    const outcome = withConsole(w.path, (c) => cancelTask(c.db, operator(), w.parent));
    expect(outcome.withdrawnSubmits).toEqual([w.submits.parent]);
    expect(read(w.path, 'SELECT * FROM offline_queue WHERE id IN (?, ?, ?) ORDER BY id', broken, done, w.submits.other)).toEqual(before);
  });
});

describe('the queue read before the write lock', () => {
  it('a submit queued after the scan is withdrawn too, and one the service delivered meanwhile is left alone', () => {
    const w = world(SHAPES[6]!);
    withConsole(w.path, (c) => {
      const queue = new OfflineQueueRepository(c.db);
      const seen = queue.undeliveredSubmits();
      expect(seen.byTask.get(w.parent)).toEqual([w.submits.parent]);
      const later = queueServiceSubmit(w.path, AGENT, { id: w.parent, projectId: 'proj_cancelTestProjectAaaaa', channel: 'C0CANCEL1', user: 'U0DEV1' });
      const s = new Database(w.path);
      s.prepare('UPDATE offline_queue SET delivered = 1, delivered_at = ? WHERE id = ?').run('2026-01-01T00:00:00.000Z', w.submits.parent);
      s.close();
      expect(later).toBeGreaterThan(seen.upTo);
      expect(queue.withdrawTaskSubmits(w.parent, new Date().toISOString(), seen)).toEqual([later]);
      expect(read(w.path, 'SELECT delivered_at FROM offline_queue WHERE id = ?', w.submits.parent)[0]).toEqual({ delivered_at: '2026-01-01T00:00:00.000Z' });
    });
  });
});

describe('subtasks read before the write lock', () => {
  it('a subtask added after the scan is found, and one finished meanwhile shows as finished (not cancelled)', () => {
    const w = world(SHAPES[1]!); // age 2: parent_task_id, no index on it
    withConsole(w.path, (c) => {
      const seen = subtaskSnapshot(c.db, w.parent);
      expect([...seen.ids].sort()).toEqual(Object.values(w.subs!).sort());
      const s = new Database(w.path);
      const at = new Date().toISOString();
      s.prepare(
        "INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at, parent_task_id) VALUES ('task_subLateGgggggggggggggg', 'proj_cancelTestProjectAaaaa', 'coder', 'fix', 'late', 'pending', 'C0CANCEL1', 'U0DEV1', ?, ?, ?)",
      ).run(at, at, w.parent);
      s.prepare("UPDATE tasks SET status = 'completed', completed_at = ? WHERE id = ?").run(at, w.subs!.running);
      s.close();
      const now = subtasksSince(c.db, w.parent, seen);
      expect(now.map((t) => [t.id, t.status])).toEqual([
        [w.subs!.queued, 'queued'],
        [w.subs!.running, 'completed'],
        [w.subs!.pending, 'pending'],
        [w.subs!.completed, 'completed'],
        ['task_subLateGgggggggggggggg', 'pending'],
      ]);
      const outcome = cancelTask(c.db, operator(), w.parent);
      expect(outcome.subtasks.map((x) => x.task.id)).toEqual([w.subs!.queued, w.subs!.pending, 'task_subLateGgggggggggggggg']);
    });
  });
});
