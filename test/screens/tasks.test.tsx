import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedTasks, seedSession, seedUser, minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS, adminOperator } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function tasksScreen(conn: Connection, o: Parameters<typeof startConsole>[1] = {}) {
  const c = await startConsole(conn, { initialScreen: 'tasks', ...o });
  stop = c.unmount;
  await c.waitFor((f) => f.includes('of ') || f.includes('No tasks'));
  return c;
}

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const audit = (conn: Connection) => conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs').all() as Record<string, string>[];
const statusOf = (conn: Connection, id: string) => conn.sqlite.prepare('SELECT status, completed_at FROM tasks WHERE id = ?').get(id) as { status: string; completed_at: string | null };

describe('tasks list', () => {
  it('moves with j/k and arrows, pages with PgDn/Ctrl-f, jumps with G/End and g/Home, and says where it is', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 120);
    const c = await tasksScreen(conn, { rows: 30 }); // 24 rows on screen
    await c.waitFor('1-24 of 120');
    expect(selectedLine(await c.press('j'))).toContain('task number 1');
    expect(selectedLine(await c.press(KEYS.down))).toContain('task number 2');
    expect(selectedLine(await c.press('k'))).toContain('task number 1');
    expect(selectedLine(await c.press(KEYS.pageDown))).toContain('task number 25');
    expect(c.frame()).toContain('3-26 of 120');
    expect(selectedLine(await c.press(KEYS.ctrlF))).toContain('task number 49');
    expect(selectedLine(await c.press(KEYS.ctrlB))).toContain('task number 25');
    expect(selectedLine(await c.press('G'))).toContain('task number 119');
    expect(c.frame()).toContain('97-120 of 120');
    expect(selectedLine(await c.press(KEYS.up))).toContain('task number 118');
    expect(selectedLine(await c.press('g'))).toMatch(/task number 0$/);
    expect(selectedLine(await c.press(KEYS.end))).toContain('task number 119');
    expect(selectedLine(await c.press(KEYS.home))).toMatch(/task number 0$/);
    expect(selectedLine(await c.tap(KEYS.pageUp))).toMatch(/task number 0$/); // nothing above the top
  });

  it('says so when there are no tasks', async () => {
    const c = await tasksScreen(freshDatabase());
    expect(c.frame()).toContain('No tasks in this database.');
  });

  it('filters by status, project, bot, user and literal prompt text; Esc clears', async () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web shop' });
    const api = seedProject(conn.sqlite, { name: 'api' });
    seedTask(conn.sqlite, { projectId: web, status: 'failed', prompt: 'fix 100% of the login', botName: 'coder', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: api, status: 'running', prompt: 'review 100 things', botName: 'reviewer', slackUserId: 'U0BOB', createdAt: minutesAgo(2) });
    seedTask(conn.sqlite, { projectId: api, status: 'failed', prompt: 'plan the week', botName: 'planner', createdAt: minutesAgo(3) });
    const c = await tasksScreen(conn, { columns: 140 });
    await c.waitFor('1-3 of 3');
    await c.press('/', 'status:');
    await c.type('status:failed');
    let f = await c.press(KEYS.enter, 'filter status:failed');
    expect(f).toContain('fix 100% of the login');
    expect(f).toContain('plan the week');
    expect(f).not.toContain('review 100 things');
    await c.press('/', 'status:failed');
    await c.type(' project:api');
    f = await c.press(KEYS.enter, 'filter status:failed project:api');
    expect(f).toContain('plan the week');
    expect(f).not.toContain('fix 100%');
    f = await c.tap(KEYS.esc); // the filter line is closed: Esc at the top level does nothing
    expect(f).toContain('filter status:failed project:api');
    await c.press('/', 'status:failed project:api');
    f = await c.press(KEYS.esc, '/ to filter');
    expect(f).toContain('1-3 of 3');
    await c.press('/');
    await c.type('user:U0BOB');
    f = await c.press(KEYS.enter, 'filter user:U0BOB');
    expect(f).toContain('review 100 things');
    expect(f).toContain('1-1 of 1');
    await c.press('/');
    for (let i = 0; i < 'user:U0BOB'.length; i++) await c.press(KEYS.backspace);
    await c.type('100%');
    f = await c.press(KEYS.enter, 'filter 100%');
    expect(f).toContain('fix 100% of the login');
    expect(f).not.toContain('review 100 things'); // % is literal, not a wildcard
    await c.press('/');
    for (let i = 0; i < '100%'.length; i++) await c.press(KEYS.backspace);
    await c.type('bot:nobody');
    f = await c.press(KEYS.enter, 'nothing matches bot:nobody');
  });
});

describe('task detail', () => {
  it('shows prompt, result, files and commands (malformed JSON raw), cost against budget; opens parent, subtasks and sessions; Esc returns to the same row', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 5);
    const parent = seedTask(conn.sqlite, {
      projectId: p,
      prompt: 'the parent prompt',
      result: 'all done',
      filesChanged: '["src/a.ts","src/b.ts"]',
      commandsRun: '{not json',
      estimatedCost: 6.5,
      maxBudget: 5,
      createdAt: minutesAgo(30),
    });
    const child = seedTask(conn.sqlite, { projectId: p, prompt: 'the child prompt', parentTaskId: parent, errorMessage: 'it broke', status: 'failed', createdAt: minutesAgo(29) });
    seedSession(conn.sqlite, { taskId: parent, model: 'claude-opus-4' });
    const c = await tasksScreen(conn);
    for (let i = 0; i < 6; i++) await c.press('j');
    expect(selectedLine(c.frame())).toContain('the parent prompt');
    let f = await c.press(KEYS.enter, 'all done');
    expect(f).toContain('the parent prompt');
    expect(f).toContain('• src/a.ts');
    expect(f).toContain('• src/b.ts');
    expect(f).toContain('(not a JSON list, shown raw) {not json');
    expect(f).toContain('$6.50 of $5.00 budget (130%)');
    expect(f).toContain(`${child} failed`);
    // walk the cursor to the subtask line and open it
    while (!selectedLine(c.frame()).includes(child)) await c.press('j');
    f = await c.press(KEYS.enter, 'the child prompt');
    expect(f).toContain('it broke');
    expect(f).toContain(`parent    ${parent}`);
    f = await c.press(KEYS.esc, 'all done');
    while (!selectedLine(c.frame()).includes('sess_')) await c.press('j');
    f = await c.press(KEYS.enter, 'claude-opus-4');
    expect(f.split('\n')[1]).toMatch(/Tasks › Task task_.* › Session sess_/);
    await c.press(KEYS.esc, 'all done');
    f = await c.press(KEYS.esc, '/ to filter');
    expect(selectedLine(f)).toContain('the parent prompt');
  });
});

describe('cancelling a task', () => {
  async function withPending(status = 'pending', operator = adminOperator, readOnly = false) {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedTask(conn.sqlite, { projectId: p, status, prompt: 'wait for me' });
    const c = await tasksScreen(readOnly ? { ...conn, readOnly: true } : conn, { operator: readOnly ? { ...operator, readOnly: true } : operator });
    await c.waitFor('wait for me');
    return { conn, c, id };
  }

  it('asks first with No selected, saying how the agent is told; y cancels, audits task:cancelled with the operator, and the row updates in place', async () => {
    const { conn, c, id } = await withPending('queued');
    expect(c.frame()).toContain('c cancel');
    let f = await c.press('c', 'Cancel this task?');
    expect(f).toMatch(/> No \(n\)/);
    expect(f).not.toMatch(/> Yes/);
    const dialog = f.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
    expect(dialog).toContain(`${id} is queued. It is set to cancelled; the audit log records it.`);
    expect(dialog).toContain(
      "The agent is told via the service's queue (task:cancel for agent agent-1) within about 30 s while the service runs; if the service is down, nothing stops an agent already running it.",
    );
    f = await c.press('y', 'audited as task:cancelled');
    expect(f).toContain(`Cancelled ${id}; audited as task:cancelled; task:cancel queued for agent-1.`);
    expect(statusOf(conn, id)).toEqual({ status: 'cancelled', completed_at: null });
    expect(audit(conn)).toEqual([expect.objectContaining({ action: 'task:cancelled', user_id: 'U_ADMIN', resource_type: 'task', resource_id: id })]);
    expect(selectedLine(f)).toContain('cancelled');
    await c.press('j'); // the flash clears on the next key: the cancelled row offers no c
    expect(c.frame()).not.toContain('c cancel');
  });

  it('n, Esc and Enter on the default No leave the task alone and write nothing', async () => {
    const { conn, c, id } = await withPending();
    for (const key of ['n', KEYS.esc, KEYS.enter]) {
      await c.press('c', 'Cancel this task?');
      await c.press(key, 'c cancel');
      expect(c.frame()).not.toContain('Cancel this task?');
    }
    expect(statusOf(conn, id).status).toBe('pending');
    expect(audit(conn)).toEqual([]);
  });

  it('Enter after moving to Yes confirms', async () => {
    const { conn, c, id } = await withPending();
    await c.press('c', 'Cancel this task?');
    await c.press(KEYS.right, '> Yes');
    await c.press(KEYS.enter, 'audited');
    expect(statusOf(conn, id).status).toBe('cancelled');
  });

  it('cancels a running task after asking; the task:cancel message waits in offline_queue for the service to deliver', async () => {
    const { conn, c, id } = await withPending('running');
    expect(c.frame()).toContain('c cancel');
    await c.press('c', 'Cancel this task?');
    await c.press('y', 'audited as task:cancelled');
    expect(statusOf(conn, id)).toEqual({ status: 'cancelled', completed_at: null });
    const queued = conn.sqlite.prepare("SELECT agent_id, payload FROM offline_queue WHERE message_type = 'task:cancel' AND delivered = 0").all() as { agent_id: string; payload: string }[];
    expect(queued.map((q) => [q.agent_id, JSON.parse(q.payload).payload.taskId])).toEqual([['agent-1', id]]);
  });

  it('offers c only on rows it can cancel; c elsewhere says why in the flash line and asks nothing', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const done = seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: 'already done', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'still waiting', createdAt: minutesAgo(2) });
    seedTask(conn.sqlite, { projectId: p, status: 'failed', prompt: 'it failed', createdAt: minutesAgo(3) });
    const c = await tasksScreen(conn);
    await c.waitFor('1-3 of 3');
    expect(selectedLine(c.frame())).toContain('already done');
    expect(c.frame()).not.toContain('c cancel');
    let f = await c.press('c', 'can be cancelled');
    expect(f).toContain(`${done} is completed: only pending, queued or running tasks can be cancelled.`);
    expect(f).not.toContain('Cancel this task?');
    f = await c.press('j');
    expect(selectedLine(f)).toContain('still waiting');
    expect(f).toContain('c cancel');
    f = await c.press('j');
    expect(f).not.toContain('c cancel');
    expect(audit(conn)).toEqual([]);
  });

  it("a developer is offered c only on their own tasks, and told why on another's", async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U0DEV', 'developer');
    const theirs = seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'not mine', slackUserId: 'U0OTHER', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'mine', slackUserId: 'U0DEV', createdAt: minutesAgo(2) });
    const c = await tasksScreen(conn, { operator: { id: 'U0DEV', role: 'developer', known: true, active: true, readOnly: false } });
    await c.waitFor('1-2 of 2');
    expect(c.frame()).not.toContain('c cancel');
    const f = await c.press('c', 'belongs to');
    expect(f).toContain(`A developer may cancel only their own tasks; ${theirs} belongs to U0OTHER.`);
    expect(await c.press('j')).toContain('c cancel');
  });

  it('names the subtasks and the withdrawn submit in the question, and a project on auto', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web', agentId: 'auto' });
    const parent = seedTask(conn.sqlite, { projectId: p, status: 'queued', prompt: 'the parent', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: p, status: 'running', prompt: 'child a', parentTaskId: parent, createdAt: minutesAgo(2) });
    seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: 'child b', parentTaskId: parent, createdAt: minutesAgo(3) });
    const at = new Date();
    conn.sqlite
      .prepare("INSERT INTO offline_queue (agent_id, message_type, payload, created_at, expires_at, delivered) VALUES ('auto', 'task:submit', ?, ?, ?, 0)")
      .run(JSON.stringify({ id: 'msg_submit', type: 'task:submit', payload: { taskId: parent }, timestamp: at.getTime() }), at.toISOString(), new Date(at.getTime() + 86_400_000).toISOString());
    const c = await tasksScreen(conn, { columns: 120, rows: 40 });
    await c.waitFor('1-3 of 3');
    const f = await c.press('c', 'Cancel this task?');
    const dialog = f.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
    expect(dialog).toContain(`${parent} is queued. It is set to cancelled with its 1 pending, queued or running subtask; the audit log records it.`);
    expect(dialog).toContain("1 submit still waiting in the service's queue is withdrawn, so the service never sends it.");
    expect(dialog).toContain('task:cancel for the agent the service picks, as the project says auto');
    await c.press('y', 'audited as task:cancelled');
    expect(c.frame()).toContain(`Cancelled ${parent} with 1 subtask; audited as task:cancelled; task:cancel queued for any agent.`);
    expect(conn.sqlite.prepare('SELECT status FROM tasks ORDER BY created_at DESC').pluck().all()).toEqual(['cancelled', 'cancelled', 'completed']);
  });

  it('the task detail offers c on a pending task and not on a completed one', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: 'finished one', createdAt: minutesAgo(1) });
    seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'waiting one', createdAt: minutesAgo(2) });
    const c = await tasksScreen(conn);
    let f = await c.press(KEYS.enter, 'Task task_');
    expect(f).toContain('finished one');
    expect(f).not.toContain('c cancel');
    await c.press(KEYS.esc, '/ to filter');
    await c.press('j');
    f = await c.press(KEYS.enter, 'Task task_');
    expect(f).toContain('waiting one');
    expect(f).toContain('c cancel');
    await c.press('c', 'Cancel this task?');
  });

  it('shows the refusal in one line when the row changed meanwhile (another process finished it)', async () => {
    const { conn, c, id } = await withPending();
    await c.press('c', 'Cancel this task?');
    const other = new Database(conn.path);
    other.prepare("UPDATE tasks SET status = 'completed' WHERE id = ?").run(id);
    other.close();
    await c.press('y', 'Not cancelled');
    expect(statusOf(conn, id).status).toBe('completed');
    expect(audit(conn)).toEqual([]);
  });

  it('hides the action when read-only and for a viewer', async () => {
    const ro = await withPending('pending', adminOperator, true);
    expect(ro.c.frame()).toContain('READ-ONLY');
    expect(ro.c.frame()).not.toContain('c cancel');
    ro.c.unmount();
    const viewer = await withPending('pending', { ...adminOperator, role: 'viewer', known: true });
    expect(viewer.c.frame()).not.toContain('c cancel');
    await viewer.c.tap('c');
    await viewer.c.press('?', 'Keys');
    expect(viewer.c.frame()).not.toContain('Cancel this task?');
    expect(viewer.c.frame()).not.toContain('cancel the pending');
    expect(viewer.c.frame()).not.toContain('can be cancelled');
    expect(statusOf(viewer.conn, viewer.id).status).toBe('pending');
  });
});

describe('live updates', () => {
  it('shows a task inserted by another connection without a key press, keeping the cursor on its row', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 5);
    const c = await tasksScreen(conn);
    await c.press('j');
    await c.press('j');
    expect(selectedLine(c.frame())).toContain('task number 2');
    const other = new Database(conn.path);
    other.pragma('journal_mode = WAL');
    const at = new Date().toISOString();
    other
      .prepare(
        `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at) VALUES ('task_live', ?, 'coder', 'fix', 'arrived', 'queued', 'C1', 'U1', ?, ?)`,
      )
      .run(p, at, at);
    other.close();
    const f = await c.waitFor('arrived');
    expect(selectedLine(f)).toContain('task number 2');
    expect(f).toContain('1-6 of 6');
  });

  it('r refreshes at once', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 2);
    const c = await startConsole(conn, { initialScreen: 'tasks', pollMs: 60_000 });
    stop = c.unmount;
    await c.waitFor('1-2 of 2');
    seedTask(conn.sqlite, { projectId: p, prompt: 'ours', createdAt: new Date().toISOString() });
    await c.press('r', 'ours');
  });
});
