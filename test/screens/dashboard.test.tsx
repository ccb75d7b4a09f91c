import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedUser } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function seedSchedule(sqlite: import('better-sqlite3').Database, id: string, status: string, next: string, enabled = 1): void {
  const now = new Date().toISOString();
  const p = (sqlite.prepare('SELECT id FROM projects LIMIT 1').get() as { id: string }).id;
  sqlite
    .prepare(
      `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, next_execution_at, status, enabled, slack_channel_id, created_at, updated_at)
       VALUES (?, ?, 'U0SCHED', 'reminder', 'system', 'remind', 'stand up', ?, 'UTC', ?, ?, ?, 'C1', ?, ?)`,
    )
    .run(id, p, next, next, status, enabled, now, now);
}

describe('dashboard', () => {
  it('shows tasks by status, what runs now, usage today, due and failed schedules and the latest audit events', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const now = new Date().toISOString();
    for (let i = 0; i < 3; i++) seedTask(conn.sqlite, { projectId: p, status: 'failed', createdAt: now, estimatedCost: 1, inputTokens: 1000, outputTokens: 500 });
    seedTask(conn.sqlite, { projectId: p, status: 'running', command: 'deploy', createdAt: now, estimatedCost: 1, inputTokens: 1000, outputTokens: 500 });
    seedTask(conn.sqlite, { projectId: p, status: 'completed', createdAt: '2020-01-01T00:00:00.000Z' });
    seedSchedule(conn.sqlite, 'due1', 'active', '2020-01-01T00:00:00.000Z');
    seedSchedule(conn.sqlite, 'later', 'active', '2999-01-01T00:00:00.000Z');
    seedSchedule(conn.sqlite, 'off', 'paused', '2020-01-01T00:00:00.000Z', 0);
    seedSchedule(conn.sqlite, 'bad', 'failed', '2020-01-01T00:00:00.000Z', 0);
    conn.sqlite.prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('api-key:revoked', 'U0AUD', 'api_key', 'ak_1', '{}', ?)").run(now);
    const c = await startConsole(conn, { columns: 120, rows: 32 });
    stop = c.unmount;
    await c.waitFor('api-key:revoked');
    // tasks by status and the 7 days are counted in steps after the first frame
    const f = await c.waitFor((frame) => !frame.includes('counting…'));
    expect(f).toMatch(/failed\s+█+░*\s+3/);
    expect(f).toMatch(/running\s+█+░*\s+1/);
    expect(f).toContain('Running now (1)');
    expect(f).toMatch(/deploy web/);
    expect(f).toMatch(/today\s+4 tasks\s+6,000 tokens\s+\$4\.00/);
    expect(f).toMatch(/7 days\s+4 tasks/);
    expect(f).toContain('1 due now');
    expect(f).toContain('1 failed');
    expect(f).toContain('U0AUD');
  });

  it("draws its data in the console's very first frame: no loading frame before it (a cold start pays for every Ink render)", async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTask(conn.sqlite, { projectId: p, status: 'running', command: 'deploy', createdAt: new Date().toISOString() });
    const c = await startConsole(conn);
    stop = c.unmount;
    const first = c.ink.frames[0] ?? '';
    expect(first).toContain('Running now (1)');
    expect(first).toMatch(/deploy web/);
    // what grows with the tasks table still comes after it, in steps
    expect(first).toContain('counting');
  });

  it('works on a file without scheduled_tasks (older service builds) and on an empty one', async () => {
    const conn = freshDatabase();
    conn.sqlite.exec('DROP TABLE scheduled_tasks');
    const c = await startConsole(conn);
    stop = c.unmount;
    const f = await c.waitFor((frame) => frame.includes('no scheduled_tasks table') && frame.includes('no tasks'));
    expect(f).toContain('nothing running');
    expect(f).toContain('no audit events');
  });

  it('panels are selectable: Tab and arrows move between panels and rows, Enter opens the running task, the due schedule or the audit entry', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const now = new Date().toISOString();
    seedTask(conn.sqlite, { projectId: p, status: 'running', command: 'deploy', prompt: 'ship the release', createdAt: now });
    seedSchedule(conn.sqlite, 'due1', 'active', '2020-01-01T00:00:00.000Z');
    conn.sqlite.prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('api-key:revoked', 'U0AUD', 'api_key', 'ak_1', '{}', ?)").run(now);
    const c = await startConsole(conn, { columns: 120, rows: 32 });
    stop = c.unmount;
    let f = await c.waitFor('api-key:revoked');
    const selected = (): string => c.lines().find((l) => l.includes('> ')) ?? '';
    // the first panel with rows has the cursor
    expect(f).toContain('▸ Running now (1)');
    expect(selected()).toMatch(/> task_\S* \S+ deploy web/);
    // the detail screen may still be loading when its breadcrumb shows: wait for its content
    f = await c.press(KEYS.enter, (frame) => frame.includes('Task task_') && frame.includes('ship the release'));
    expect(f).toContain('ship the release');
    await c.press(KEYS.esc, 'Running now');
    // Tab: the schedules panel, Enter opens the due schedule
    f = await c.press('\t', '▸ Schedules');
    expect(selected()).toMatch(/> +reminder remind U0SCHED/);
    await c.press(KEYS.enter, 'Schedule due1');
    await c.press('q', 'Schedules');
    // j from the last row of a panel goes on into the next one: the audit events
    await c.press('j', '▸ Latest audit events');
    expect(selected()).toContain('api-key:revoked');
    await c.press(KEYS.enter, 'Audit #');
    await c.press(KEYS.esc, 'Latest audit events');
    // left goes back a panel, k from the first row of a panel to the last of the one before
    await c.press(KEYS.left, '▸ Schedules');
    await c.press('k', '▸ Running now');
    expect(selected()).toContain('deploy');
  });
});

describe('dashboard names people (issue 15)', () => {
  it('due and failed schedules and audit events show the Slack username, the id where no user has it', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U0SCHED', 'developer');
    seedSchedule(conn.sqlite, 'due1', 'active', '2020-01-01T00:00:00.000Z');
    seedSchedule(conn.sqlite, 'bad', 'failed', '2020-01-01T00:00:00.000Z', 0);
    const audit = conn.sqlite.prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('api-key:revoked', ?, 'api_key', ?, '{}', ?)");
    audit.run('U0SCHED', 'ak_named', new Date().toISOString());
    audit.run('U0NOBODY', 'ak_unnamed', new Date().toISOString());
    const c = await startConsole(conn, { columns: 120, rows: 32 });
    stop = c.unmount;
    const f = await c.waitFor('ak_unnamed');
    const lines = f.split('\n');
    expect(lines.find((l) => l.includes('ak_named'))).toContain('name-U0SCHED');
    expect(lines.find((l) => l.includes('ak_unnamed'))).toContain('U0NOBODY');
    expect(lines.filter((l) => l.includes('reminder remind')).every((l) => l.includes('name-U0SCHED'))).toBe(true);
    expect(lines.filter((l) => l.includes('reminder remind')).length).toBe(2);
  });
});
