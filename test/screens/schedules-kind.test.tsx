// The machine's zone differs from every schedule's.
process.env.TZ = 'Asia/Tokyo';

import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedUser } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import { retype, submit, toField, type Console } from './form-driver.js';
import { scheduleRow, auditRows, seedSchedule, hoursFromNow } from './schedules-fixtures.js';

// Issue 12, item 4, through the form: the type follows the repeat as the service writes it, and
// the zone typed is the zone stored, through create and edit (Node's ICU would say Asia/Calcutta).

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const lineWith = (f: string, text: string): string => f.split('\n').find((l) => l.includes(text)) ?? '';

async function schedulesScreen(conn: Connection): Promise<Console> {
  const c = await startConsole(conn, { initialScreen: 'schedules', columns: 140, rows: 34 });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No schedules'));
  return c;
}

describe('the schedule form writes what the service writes', () => {
  it('a cron repeat makes a recurring_job, back to once a prompt_execution; saved with Asia/Kolkata as typed', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    seedUser(conn.sqlite, 'U_OWNER', 'developer');
    const c = await schedulesScreen(conn);
    let f = await c.press('n', (fr) => fr.includes('New schedule') && fr.includes('‹ reminder ›')); // the form, not only its breadcrumb (the screen loads on demand)
    expect(lineWith(f, 'type ')).toContain('‹ reminder ›');
    await toField(c, 'owner');
    await retype(c, 'U_OWNER');
    await toField(c, 'repeats');
    f = await c.press(KEYS.right, '‹ cron ›');
    expect(lineWith(f, 'type ')).toContain('‹ recurring_job ›');
    expect(lineWith(f, 'bot ')).not.toContain('system'); // no longer the reminder's bot
    f = await c.press(KEYS.right, '‹ once ›');
    expect(lineWith(f, 'type ')).toContain('‹ prompt_execution ›');
    await toField(c, 'bot', KEYS.up);
    await c.type('coder');
    await toField(c, 'command');
    await c.type('fix');
    await toField(c, 'prompt');
    await c.type('fix the flaky test');
    await toField(c, 'when');
    await c.type('tomorrow 9am');
    await toField(c, 'timezone');
    await retype(c, 'Asia/Kolkata');
    f = await c.waitFor((t) => /runs at \d{4}-\d\d-\d\d 09:00 (IST|GMT\+5:30)/.test(t));
    expect(f).not.toContain('✗');
    await submit(c, 'Create this schedule?');
    await c.press('y', 'audited as scheduled_task.created');
    const id = (conn.sqlite.prepare('SELECT id FROM scheduled_tasks').get() as { id: string }).id;
    expect(scheduleRow(conn, id)).toMatchObject({ task_type: 'prompt_execution', bot_name: 'coder', command: 'fix', timezone: 'Asia/Kolkata', status: 'pending' });
    expect(JSON.parse(auditRows(conn)[0]!.metadata!)).toMatchObject({ timezone: 'Asia/Kolkata', taskType: 'prompt_execution' });
  });

  it('an edit of the time and prompt leaves a zone the service stored (Asia/Kolkata) as it was', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const id = seedSchedule(conn.sqlite, {
      projectId: p,
      taskType: 'prompt_execution',
      botName: 'coder',
      command: 'fix',
      timezone: 'Asia/Kolkata',
      nextExecutionAt: hoursFromNow(5),
      prompt: 'fix the flaky test',
    });
    const c = await schedulesScreen(conn);
    const f = await c.press('e', `Edit schedule ${id}`);
    expect(f).toContain('timezone  Asia/Kolkata');
    await retype(c, 'tomorrow 10am');
    await toField(c, 'prompt', KEYS.up);
    await retype(c, 'fix it for good');
    await submit(c, 'Save the changes to this schedule?');
    await c.press('y', 'audited as scheduled_task.updated');
    const row = scheduleRow(conn, id);
    expect(row).toMatchObject({ prompt: 'fix it for good', timezone: 'Asia/Kolkata' });
    expect(JSON.parse(auditRows(conn)[0]!.metadata!)).toMatchObject({ prompt: 'fix it for good', scheduledFor: row.scheduled_for });
  });
});
