// The machine's zone differs from every schedule's: times in words must be read in the schedule's zone.
process.env.TZ = 'Asia/Tokyo';

import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedUser } from '../helpers/seed.js';
import { startConsole, KEYS, expectFits } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import { CTRL_U, focused, retype, submit, toField } from './form-driver.js';
import { seedSchedule, hoursFromNow, scheduleRow, scheduleCount, auditRows } from './schedules-fixtures.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function schedulesScreen(conn: Connection) {
  const c = await startConsole(conn, { initialScreen: 'schedules', columns: 140, rows: 34 });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No schedules'));
  return c;
}

/** 09:00 tomorrow in New York, as the service stores it. */
const tomorrowNineInNewYork = (): string => DateTime.now().setZone('America/New_York').plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;

describe('creating a schedule', () => {
  it('a one-shot "tomorrow 9am" read in America/New_York (machine in Tokyo): parsed in its zone and UTC as typed, an unknown zone refused with a suggestion, saved and audited', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await schedulesScreen(conn);
    let f = await c.press('n', (fr) => fr.includes('New schedule') && fr.includes('‹ web ›')); // the form, not only its breadcrumb (the screen loads on demand)
    expect(focused(f)).toContain('project');
    expect(f).toContain('‹ web ›');
    expect(f).toContain('timezone  Asia/Tokyo'); // the machine's zone by default
    await toField(c, 'owner');
    await retype(c, 'U_NOBODY');
    f = await c.waitFor('is not a user in this database');
    expect(f.split('\n').filter((l) => l.includes('✗'))).toHaveLength(1);
    await retype(c, 'U_OWNER');
    await toField(c, 'prompt');
    await c.type('stand up');
    await toField(c, 'when');
    await c.type('tomorrow 9am');
    await toField(c, 'timezone');
    await retype(c, 'America/New_Yrok');
    f = await c.waitFor('did you mean "America/New_York"?');
    expect(f.split('\n').filter((l) => l.includes('✗'))).toHaveLength(1);
    await retype(c, 'America/New_York');
    const at = tomorrowNineInNewYork();
    f = await c.waitFor(`${at} UTC`);
    expect(f).toMatch(/runs at \d{4}-\d\d-\d\d 09:00 E[SD]T · /);
    expect(f).not.toContain('✗');
    f = await submit(c, 'Create this schedule?');
    expect(f).toMatch(/> No \(n\)/);
    expectFits(f, 34);
    expect(scheduleCount(conn)).toBe(0);
    f = await c.press('y', 'audited as scheduled_task.created');
    expect(f).toContain('1-1 of 1');
    const row = conn.sqlite.prepare('SELECT * FROM scheduled_tasks').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      project_id: p,
      user_id: 'U_OWNER',
      task_type: 'reminder',
      bot_name: 'system',
      command: 'remind',
      prompt: 'stand up',
      timezone: 'America/New_York',
      scheduled_for: at,
      next_execution_at: at,
      is_recurring: 0,
      cron_expression: null,
      status: 'pending',
      enabled: 1,
      execution_count: 0,
      slack_channel_id: `C${p}`,
      metadata: '{}',
    });
    expect(row.id).toMatch(/^[\w-]{21}$/);
    expect(auditRows(conn)).toEqual([expect.objectContaining({ action: 'scheduled_task.created', user_id: 'U_ADMIN', resource_type: 'scheduled_task', resource_id: row.id })]);
  });

  it('n and the form typed after it in one read: no key is lost while the form opens', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await schedulesScreen(conn);
    const d = KEYS.down;
    // the form reads its projects in the render that opens it: its keys are there for what follows n
    c.ink.stdin.write(`n${d}${CTRL_U}U_OWNER${d}${d}q6 stand up${d}${d}tomorrow 9am${d}${CTRL_U}America/New_York`);
    const f = await c.waitFor(`${tomorrowNineInNewYork()} UTC`);
    expect(f).not.toContain('✗');
  });

  it('the whole form typed in one read (moves, Ctrl-u, text, q and 6 as text) fills each field, and three Enters in one read reach the save question', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await schedulesScreen(conn);
    await c.press('n', 'New schedule');
    const d = KEYS.down;
    c.ink.stdin.write(`${d}${CTRL_U}U_OWNER${d}${d}q6 stand up${d}${d}tomorrow 9am${d}${CTRL_U}America/New_York`);
    let f = await c.waitFor(`${tomorrowNineInNewYork()} UTC`);
    expect(f).not.toContain('✗');
    c.ink.stdin.write('\r\r\r');
    f = await c.waitFor('Create this schedule?');
    f = await c.press('y', 'audited as scheduled_task.created');
    const row = conn.sqlite.prepare('SELECT user_id, prompt, timezone, scheduled_for FROM scheduled_tasks').get();
    expect(row).toEqual({ user_id: 'U_OWNER', prompt: 'q6 stand up', timezone: 'America/New_York', scheduled_for: tomorrowNineInNewYork() });
  });

  it('a recurring job: "46,49 6 * * *" is refused in one line before saving and nothing is written; "0 7 * * 1" shows its words and next five runs and is saved', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await schedulesScreen(conn);
    await c.press('n', 'New schedule');
    await toField(c, 'owner');
    await retype(c, 'U_OWNER');
    await toField(c, 'type');
    let f = await c.press(KEYS.right, 'prompt_execution');
    f = await c.press(KEYS.right, 'recurring_job');
    expect(f).toContain('‹ cron ›');
    await toField(c, 'bot');
    await c.type('ops');
    await toField(c, 'command');
    await c.type('report');
    await toField(c, 'prompt');
    await c.type('weekly numbers');
    await toField(c, 'cron');
    await toField(c, 'timezone');
    await retype(c, 'Europe/Berlin');
    await toField(c, 'cron', KEYS.up);
    await c.type('46,49 6 * * *');
    f = await c.waitFor('3 minutes later');
    const refusals = f.split('\n').filter((l) => l.includes('✗'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('a recurring schedule may run at most once an hour');
    f = await submit(c, 'Not saved:');
    expect(f).not.toContain('Create this schedule?');
    expect(scheduleCount(conn)).toBe(0);
    await toField(c, 'cron', KEYS.up);
    await retype(c, '0 7 * * 1');
    f = await c.waitFor('At 07:00 AM, only on Monday');
    expect(f.match(/ 07:00 (CET|CEST|GMT\+[12]) · in /g)).toHaveLength(5);
    await submit(c, 'Create this schedule?');
    await c.press('y', 'audited as cron_job.created');
    const row = conn.sqlite.prepare('SELECT * FROM scheduled_tasks').get() as Record<string, unknown>;
    expect(row).toMatchObject({ task_type: 'recurring_job', bot_name: 'ops', command: 'report', cron_expression: '0 7 * * 1', is_recurring: 1, status: 'active', timezone: 'Europe/Berlin' });
    const next = DateTime.fromISO(row.next_execution_at as string).setZone('Europe/Berlin');
    expect([next.weekday, next.hour, next.minute]).toEqual([1, 7, 0]);
    expect(auditRows(conn).map((a) => [a.action, a.user_id])).toEqual([['cron_job.created', 'U_ADMIN']]);
  });

  it('q, 6 and ? are typed into a field, not taken by the shell; Esc leaves the form and writes nothing', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    const c = await schedulesScreen(conn);
    await c.press('n', 'New schedule');
    await toField(c, 'prompt');
    await c.type('q6?');
    expect(focused(c.frame())).toContain('prompt    q6?_');
    await c.press(KEYS.esc, 'No schedules in this database.');
    expect(scheduleCount(conn)).toBe(0);
  });
});

describe('rescheduling', () => {
  it('e opens the form pre-filled; a new time in words and a new prompt are saved and audited as scheduled_task.updated', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, { projectId: p, nextExecutionAt: '2030-01-01T14:00:00.000Z', scheduledFor: '2030-01-01T14:00:00.000Z', prompt: 'old words' });
    conn.sqlite.prepare('UPDATE scheduled_tasks SET next_execution_at = ?, scheduled_for = ? WHERE id = ?').run(hoursFromNow(5), hoursFromNow(5), id);
    const c = await schedulesScreen(conn);
    let f = await c.press('e', `Edit schedule ${id}`);
    expect(focused(f)).toMatch(/^> when +\d{4}-\d\d-\d\d \d\d:\d\d_/);
    expect(f).toContain('prompt    old words');
    await retype(c, 'next monday 14:00');
    const monday = DateTime.now().setZone('America/New_York');
    f = await c.waitFor((fr) => /runs at \d{4}-\d\d-\d\d 14:00 E[SD]T/.test(fr));
    await toField(c, 'prompt', KEYS.up);
    await retype(c, 'new words');
    f = await submit(c, 'Save the changes to this schedule?');
    expect(f).toContain('Changes the when, prompt of');
    await c.press('y', 'audited as scheduled_task.updated');
    const row = scheduleRow(conn, id);
    const next = DateTime.fromISO(row.next_execution_at as string).setZone('America/New_York');
    expect([next.weekday, next.hour, next.minute]).toEqual([1, 14, 0]);
    expect(next > monday).toBe(true);
    expect(row).toMatchObject({ prompt: 'new words', scheduled_for: row.next_execution_at, status: 'pending' });
    expect(auditRows(conn)).toEqual([expect.objectContaining({ action: 'scheduled_task.updated', user_id: 'U_ADMIN', resource_id: id })]);
  });

  it('a time in the past is refused before saving; a change by the scheduler meanwhile is one line of conflict and nothing is applied', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, { projectId: p, prompt: 'keep me' });
    const c = await schedulesScreen(conn);
    await c.press('e', `Edit schedule ${id}`);
    await retype(c, '2020-01-01 09:00');
    await c.waitFor('has passed; a one-shot schedule needs a time in the future');
    await retype(c, 'in 2 hours');
    await c.waitFor((f) => !f.includes('✗'));
    await submit(c, 'Save the changes to this schedule?');
    const other = new Database(conn.path);
    other.prepare("UPDATE scheduled_tasks SET status = 'completed', next_execution_at = NULL WHERE id = ?").run(id);
    other.close();
    const f = await c.press('y', 'Not saved:');
    expect(f).toContain('is completed; only a pending, active, paused schedule can be changed; nothing was changed');
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'completed', prompt: 'keep me', next_execution_at: null });
    expect(auditRows(conn)).toEqual([]);
  });
});
