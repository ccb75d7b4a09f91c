// The machine's zone differs from every schedule's: next runs must be shown and recomputed in the schedule's zone.
process.env.TZ = 'Asia/Tokyo';

import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedUser } from '../helpers/seed.js';
import { startConsole, KEYS, adminOperator, expectFits, strip } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import { formatRelative } from '../../db/scheduling/index.js';
import { seedSchedule, hoursFromNow, scheduleRow, auditRows } from './schedules-fixtures.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function schedulesScreen(conn: Connection, o: Parameters<typeof startConsole>[1] = {}) {
  const c = await startConsole(conn, { initialScreen: 'schedules', columns: 160, ...o });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No schedules'));
  return c;
}

const selectedLine = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const lineWith = (f: string, text: string): string => f.split('\n').find((l) => l.includes(text)) ?? '';

describe('schedules list', () => {
  it('shows type, owner (username when known), project, status, enabled, next run in its zone and relative, cron in words, runs of the limit, expiry', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_A', 'developer');
    const next = hoursFromNow(3.5);
    seedSchedule(conn.sqlite, {
      projectId: p,
      userId: 'U_A',
      cron: '0 9 * * 1-5',
      nextExecutionAt: next,
      executionCount: 4,
      maxExecutions: 10,
      expiresAt: '2027-01-31T12:00:00.000Z',
      prompt: 'weekday report',
    });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_BOB', status: 'paused', enabled: false, nextExecutionAt: hoursFromNow(-26), timezone: 'Europe/Berlin', prompt: 'old reminder' });
    const c = await schedulesScreen(conn);
    const f = await c.waitFor('1-2 of 2');
    const recurring = lineWith(f, 'recurring');
    expect(recurring).toContain('name-U_A ');
    const zoned = new Date(next).toLocaleString('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const [weekday, hhmm] = [zoned.slice(0, 3), zoned.slice(-5)];
    expect(recurring).toContain('recurring');
    expect(recurring).toContain('web');
    expect(recurring).toContain('active');
    expect(recurring).toContain(`${weekday} ${hhmm} America/New_York · ${formatRelative(new Date(next))}`);
    expect(recurring).toContain('4/10');
    expect(recurring).toContain('2027-01-31');
    expect(recurring).toContain('At 09:00 AM, Monday through Friday');
    const paused = lineWith(f, 'U_BOB');
    expect(paused).toMatch(/reminder +U_BOB +web +paused +off/);
    expect(paused).toContain('Europe/Berlin · 1 d ago');
    expect(paused).toContain('0/∞');
    expect(paused).toContain('once');
  });

  it('filters by status, owner, project and type; Esc clears', async () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web' });
    const api = seedProject(conn.sqlite, { name: 'api' });
    seedSchedule(conn.sqlite, { projectId: web, userId: 'U_ANN', prompt: 'one' });
    seedSchedule(conn.sqlite, { projectId: api, userId: 'U_BOB', cron: '0 * * * *', prompt: 'two' });
    seedSchedule(conn.sqlite, { projectId: api, userId: 'U_ANN', status: 'cancelled', enabled: false, nextExecutionAt: null, prompt: 'three' });
    const c = await schedulesScreen(conn);
    await c.waitFor('1-3 of 3');
    const filter = async (text: string, expectText: string) => {
      await c.press('/');
      await c.type(text);
      return c.press(KEYS.enter, expectText);
    };
    let f = await filter('status:pending,active', '1-2 of 2');
    expect(f).not.toContain('cancelled');
    await c.press('/');
    f = await c.press(KEYS.esc, '1-3 of 3');
    f = await filter('owner:U_ANN type:remind', '1-2 of 2');
    expect(f).not.toContain('U_BOB');
    await c.press('/');
    await c.press(KEYS.esc, '1-3 of 3');
    f = await filter('project:api type:recurring', '1-1 of 1');
    expect(f).toContain('U_BOB');
    await c.press('/');
    await c.press(KEYS.esc, '1-3 of 3');
    await filter('owner:nobody', 'nothing matches owner:nobody');
  });

  it('opens the detail: every field, the next five runs in its zone, metadata pretty or raw; Esc back to the same row', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedSchedule(conn.sqlite, { projectId: p, prompt: 'first', metadata: '{broken', nextExecutionAt: hoursFromNow(30) });
    // runs sooner: first by next run
    const id = seedSchedule(conn.sqlite, {
      projectId: p,
      cron: '30 8 * * *',
      timezone: 'Europe/Berlin',
      metadata: '{"notify":true,"by":"slash-command"}',
      prompt: 'daily digest',
      nextExecutionAt: hoursFromNow(1),
    });
    const c = await schedulesScreen(conn);
    await c.waitFor('1-2 of 2');
    expect(selectedLine(c.frame())).toContain('recurring');
    let f = await c.press(KEYS.enter, `schedule   ${id}`);
    expect(f).toContain('30 8 * * * · At 08:30 AM');
    expect(f).toContain('timezone   Europe/Berlin');
    expect(f.match(/ 08:30 (CET|CEST|GMT\+[12]) · in /g)).toHaveLength(5);
    expect(f).toContain('daily digest');
    f = await c.press('G', '"by": "slash-command"');
    expect(f).toContain('"notify": true,');
    f = await c.press(KEYS.esc, '1-2 of 2');
    await c.press('j');
    await c.press(KEYS.enter, 'first');
    await c.press('G', '(not a JSON object, shown raw) {broken');
  });
});

describe('pausing, resuming and cancelling', () => {
  async function withSchedule(seed: Partial<Parameters<typeof seedSchedule>[1]> = {}, operator: Operator = adminOperator, readOnly = false) {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, { projectId: p, prompt: 'wake me', ...seed });
    const c = await schedulesScreen(readOnly ? { ...conn, readOnly: true } : conn, { operator: readOnly ? { ...operator, readOnly: true } : operator });
    await c.waitFor('1-1 of 1');
    return { conn, c, id };
  }

  it('p pauses after a question with No first, then p resumes with the next run recomputed in its zone; both audited with the operator', async () => {
    const { conn, c, id } = await withSchedule({ cron: '0 9 * * *', nextExecutionAt: '2026-01-01T14:00:00.000Z' });
    let f = await c.press('p', 'Pause this schedule?');
    expect(f).toMatch(/> No \(n\)/);
    expectFits(f, 30); // the list gives the question its lines
    // the list reads its page again in the render of the action: the first frame with its message
    // shows the row changed (before, the row came a frame later)
    const before = c.ink.frames.length;
    f = await c.press('y', 'audited as scheduled_task.paused');
    const firstWithMessage = c.ink.frames
      .slice(before)
      .map(strip)
      .find((fr) => fr.includes('audited as scheduled_task.paused'))!;
    expect(selectedLine(firstWithMessage)).toMatch(/paused +off/);
    expect(selectedLine(f)).toMatch(/paused +off/);
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'paused', enabled: 0 });
    f = await c.press('p', 'Resume this schedule?');
    f = await c.press('y', 'audited as scheduled_task.resumed');
    expect(selectedLine(f)).toMatch(/active +on/);
    const row = scheduleRow(conn, id);
    expect(row).toMatchObject({ status: 'active', enabled: 1 });
    const next = new Date(row.next_execution_at as string);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.toLocaleTimeString('en-US', { timeZone: 'America/New_York', hourCycle: 'h23' })).toBe('09:00:00');
    expect(selectedLine(f)).toMatch(/active +on/);
    expect(auditRows(conn).map((a) => [a.action, a.user_id, a.resource_type, a.resource_id])).toEqual([
      ['scheduled_task.paused', 'U_ADMIN', 'scheduled_task', id],
      ['scheduled_task.resumed', 'U_ADMIN', 'scheduled_task', id],
    ]);
  });

  it('resuming a one-shot whose time has passed asks a second question; No leaves it paused, Yes fires it now', async () => {
    const { conn, c, id } = await withSchedule({ status: 'paused', enabled: false, nextExecutionAt: hoursFromNow(-2) });
    await c.press('p', 'Resume this schedule?');
    let f = await c.press('y', 'Its time has passed: fire it now?');
    expect(f).toMatch(/> No \(n\)/);
    await c.press('n', 'p pause/resume');
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'paused', enabled: 0 });
    expect(auditRows(conn)).toEqual([]);
    await c.press('p', 'Resume this schedule?');
    await c.press('y', 'fire it now?');
    f = await c.press('y', 'audited as scheduled_task.resumed');
    expect(f).toContain('it fires at once');
    const row = scheduleRow(conn, id);
    expect(row).toMatchObject({ status: 'pending', enabled: 1 });
    expect(Date.parse(row.next_execution_at as string)).toBeLessThanOrEqual(Date.now());
    expect(auditRows(conn).map((a) => a.action)).toEqual(['scheduled_task.resumed']);
  });

  it('c cancels after a question; n, Esc and Enter on No refuse and write nothing', async () => {
    const { conn, c, id } = await withSchedule();
    for (const key of ['n', KEYS.esc, KEYS.enter]) {
      await c.press('c', 'Cancel this schedule?');
      await c.press(key, 'c cancel');
    }
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'pending', enabled: 1 });
    expect(auditRows(conn)).toEqual([]);
    await c.press('c', 'Cancel this schedule?');
    const f = await c.press('y', 'audited as scheduled_task.cancelled');
    expect(selectedLine(f)).toMatch(/cancelled +off/);
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'cancelled', enabled: 0 });
    expect(auditRows(conn)).toEqual([expect.objectContaining({ action: 'scheduled_task.cancelled', user_id: 'U_ADMIN', resource_id: id })]);
  });

  it('a change by another process meanwhile is one line of conflict, and nothing is applied', async () => {
    const { conn, c, id } = await withSchedule();
    await c.press('p', 'Pause this schedule?');
    const other = new Database(conn.path);
    other.prepare("UPDATE scheduled_tasks SET status = 'completed', next_execution_at = NULL WHERE id = ?").run(id);
    other.close();
    const f = await c.press('y', 'Not paused:');
    expect(f).toContain('is completed; only a pending, active schedule can be paused; nothing was changed');
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'completed', enabled: 1 });
    expect(auditRows(conn)).toEqual([]);
  });

  it('a viewer sees the schedules, no action keys, and each key says why it does nothing', async () => {
    const viewer: Operator = { id: 'U_VIEW', role: 'viewer', known: true, active: true, readOnly: false };
    const { conn, c, id } = await withSchedule({}, viewer);
    expect(c.frame()).not.toContain('pause/resume');
    for (const key of ['p', 'c', 'e', 'n']) {
      const f = await c.press(key, 'is a viewer and can change nothing');
      expect(f).not.toContain('this schedule?');
      await c.press('j', 'Enter open');
    }
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'pending', enabled: 1 });
    expect(auditRows(conn)).toEqual([]);
  });

  it("a developer may not touch another's schedule: refused before asking, nothing written", async () => {
    const dev: Operator = { id: 'U_ME', role: 'developer', known: true, active: true, readOnly: false };
    const { conn, c, id } = await withSchedule({ userId: 'U_SOMEONE' }, dev);
    for (const key of ['p', 'c', 'e']) {
      const f = await c.press(key, 'this one belongs to U_SOMEONE');
      expect(f).not.toContain('this schedule?');
      await c.press('j', 'Enter open');
    }
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'pending', enabled: 1 });
    expect(auditRows(conn)).toEqual([]);
  });

  it('read-only hides every action and refuses the keys', async () => {
    const { conn, c, id } = await withSchedule({}, adminOperator, true);
    expect(c.frame()).not.toMatch(/pause\/resume|c cancel|n new|e edit/);
    await c.press('p', 'read-only');
    expect(scheduleRow(conn, id)).toMatchObject({ status: 'pending' });
  });
});
