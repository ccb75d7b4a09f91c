// The machine's zone differs from every schedule's.
process.env.TZ = 'Asia/Tokyo';

import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import type { Connection } from '../../db/connection.js';
import { seedSchedule, hoursFromNow } from './schedules-fixtures.js';

// Issue 12, item 4: the service cancels and completes a schedule without clearing next_execution_at;
// such a schedule never runs again, so the console shows no next run for it.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function schedulesScreen(conn: Connection) {
  const c = await startConsole(conn, { initialScreen: 'schedules', columns: 160 });
  stop = c.unmount;
  await c.waitFor((f) => f.includes(' of ') || f.includes('No schedules'));
  return c;
}

const lineWith = (f: string, text: string): string => f.split('\n').find((l) => l.includes(text)) ?? '';

describe('a cancelled or completed schedule shows no next run', () => {
  it('in the list and in the detail, though next_execution_at still holds the time the service left', async () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const stale = hoursFromNow(5);
    // as the service leaves them: cancelTask sets status and enabled only; a one-shot completes with its time kept
    seedSchedule(conn.sqlite, {
      projectId: p,
      userId: 'U_CAN',
      cron: '0 9 * * *',
      status: 'cancelled',
      enabled: false,
      nextExecutionAt: stale,
      timezone: 'Asia/Kolkata',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_DONE', status: 'completed', nextExecutionAt: hoursFromNow(-2), timezone: 'Asia/Kolkata', createdAt: '2026-01-02T00:00:00.000Z' });
    seedSchedule(conn.sqlite, { projectId: p, userId: 'U_LIVE', status: 'pending', nextExecutionAt: stale, timezone: 'Asia/Kolkata', createdAt: '2026-01-03T00:00:00.000Z' });
    const c = await schedulesScreen(conn);
    let f = await c.waitFor('1-3 of 3');
    expect(lineWith(f, 'U_LIVE')).toContain('Asia/Kolkata · in ');
    expect(lineWith(f, 'U_CAN')).not.toContain('Asia/Kolkata');
    expect(lineWith(f, 'U_DONE')).not.toContain('Asia/Kolkata');

    // by next run: the live one first, the finished ones after every time (issue 15)
    expect(f.split('\n').findIndex((l) => l.includes('U_LIVE'))).toBeLessThan(f.split('\n').findIndex((l) => l.includes('U_CAN')));
    await c.press('j'); // U_CAN
    await c.press(KEYS.enter);
    f = await c.waitFor((t) => t.includes('next run') && t.includes('U_CAN'));
    expect(lineWith(f, 'next run')).toMatch(/next run +—/);
    expect(f).not.toContain('next five');
    f = await c.press(KEYS.esc, '1-3 of 3');
    await c.press('j'); // U_DONE
    await c.press(KEYS.enter);
    f = await c.waitFor((t) => t.includes('next run') && t.includes('U_DONE'));
    expect(lineWith(f, 'next run')).toMatch(/next run +—/);
  });
});
