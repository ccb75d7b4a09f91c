// The machine's zone differs from every schedule's: times must be read in the schedule's zone.
process.env.TZ = 'Asia/Tokyo';

import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedUser } from '../helpers/seed.js';
import { serviceFile } from '../fixtures/service-file.js';
import { SERVICE_AGES } from '../fixtures/service-ddl.js';
import { openDatabase } from '../../db/connection.js';
import { scheduleListSource, scheduleDetail, scheduleFormData } from '../../db/views/schedules.js';
import { previewNewSchedule, previewScheduleChange } from '../../db/views/schedules-preview.js';
import type { CreateScheduleInput } from '../../db/actions/schedules.js';
import type { Operator } from '../../db/operator.js';
import type { ListSource } from '../../db/views/keyset.js';
import { seedSchedule, hoursFromNow } from '../screens/schedules-fixtures.js';

const first = <T>(s: ListSource<T>, n = 50): T[] => s.page({ kind: 'first' }, n);
const admin: Operator = { id: 'U_ADMIN', role: 'admin', known: false, active: true, readOnly: false };
const NOW = new Date('2026-03-01T12:00:00.000Z');
/** newest first: the list's default is the next run now (issue 15), this test pages by creation */
const NEWEST = { by: 'created', direction: 'desc' } as const;

describe('schedules list view', () => {
  it('lists newest first with owner name and project, filters by status, owner (id or name), project, type and prompt text, and pages by keyset', () => {
    const conn = freshDatabase();
    const web = seedProject(conn.sqlite, { name: 'web shop' });
    const api = seedProject(conn.sqlite, { name: 'api' });
    seedUser(conn.sqlite, 'U_ANN', 'developer');
    const a = seedSchedule(conn.sqlite, { projectId: web, userId: 'U_ANN', prompt: 'water 100% of the plants', createdAt: '2026-01-01T00:00:00.000Z' });
    const b = seedSchedule(conn.sqlite, { projectId: api, cron: '0 9 * * 1-5', createdAt: '2026-01-02T00:00:00.000Z' });
    const c = seedSchedule(conn.sqlite, { projectId: api, status: 'completed', nextExecutionAt: null, createdAt: '2026-01-03T00:00:00.000Z' });
    const all = first(scheduleListSource(conn.db, {}, NEWEST));
    expect(all.map((r) => r.id)).toEqual([c, b, a]);
    expect(all[2]).toMatchObject({ ownerName: 'name-U_ANN', projectName: 'web shop', enabled: true, isRecurring: false });
    expect(all[0]!.nextExecutionAt).toBeNull();
    const ids = (f: Parameters<typeof scheduleListSource>[1]) => first(scheduleListSource(conn.db, f, NEWEST)).map((r) => r.id);
    expect(ids({ status: ['pending', 'active'] })).toEqual([b, a]);
    expect(ids({ owner: 'name-U_ANN' })).toEqual([a]);
    expect(ids({ owner: 'U_DEV' })).toEqual([c, b]);
    expect(ids({ project: 'web' })).toEqual([a]);
    expect(ids({ project: api })).toEqual([c, b]);
    expect(ids({ type: 'recurring' })).toEqual([b]);
    expect(ids({ text: '100%' })).toEqual([a]);
    expect(ids({ text: '10_%' })).toEqual([]); // literal, not wildcards
    const src = scheduleListSource(conn.db, {}, NEWEST);
    const page1 = src.page({ kind: 'first' }, 2);
    expect(src.page({ kind: 'after', cursor: src.cursorOf(page1[1]!) }, 2).map((r) => r.id)).toEqual([a]);
    expect(src.page({ kind: 'last' }, 2).map((r) => r.id)).toEqual([b, a]);
    expect(src.counter.countRange(0, src.counter.maxRowid())).toBe(3);
  });

  it('details a schedule with its metadata parsed, or raw when malformed', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    const good = seedSchedule(conn.sqlite, { projectId: p, metadata: '{"notify":true}' });
    const bad = seedSchedule(conn.sqlite, { projectId: p, metadata: '{oops' });
    expect(scheduleDetail(conn.db, good)).toMatchObject({ projectName: 'web', ownerName: null, metadata: { ok: true, value: { notify: true } } });
    expect(scheduleDetail(conn.db, bad)?.metadata).toEqual({ ok: false, raw: '{oops' });
    expect(scheduleDetail(conn.db, 'gone')).toBeUndefined();
    expect(scheduleFormData(conn.db, 'gone')).toBeUndefined();
    expect(scheduleFormData(conn.db)?.projects).toEqual([{ id: p, name: 'web' }]);
  });

  it.each(SERVICE_AGES)('reads the schedules of a file the service of age %i left (none before age 6)', (age) => {
    const conn = openDatabase({ path: serviceFile(age) });
    try {
      const rows = first(scheduleListSource(conn.db, { status: ['pending', 'active', 'paused'] }));
      if (age < 6) expect(rows).toEqual([]);
      for (const r of rows) expect(scheduleDetail(conn.db, r.id)?.schedule.id).toBe(r.id);
      expect(scheduleFormData(conn.db)?.projects.length).toBeGreaterThan(0);
    } finally {
      conn.close();
    }
  });
});

describe('schedule preview', () => {
  const input = (projectId: string, over: Partial<CreateScheduleInput> = {}): CreateScheduleInput => ({
    projectId,
    userId: 'U_DEV',
    taskType: 'reminder',
    botName: 'system',
    command: 'remind',
    prompt: 'stand up',
    timezone: 'America/New_York',
    when: 'tomorrow 9am',
    ...over,
  });

  it('reads words in the schedule zone and shows it in UTC; refuses past, far, too frequent, unknown zones and early expiry with the field', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    for (const u of ['U_DEV', 'U_OTHER', 'U_ME']) seedUser(conn.sqlite, u, 'developer');
    const ok = previewNewSchedule(conn.db, admin, input(p), NOW);
    expect(ok.refusal).toBeNull();
    expect(ok.lines[0]).toBe('runs at 2026-03-02 09:00 EST · 2026-03-02T14:00:00.000Z UTC · in 1 d'); // 07:00 in New York now: 26 h
    const refused = (over: Partial<CreateScheduleInput>) => previewNewSchedule(conn.db, admin, input(p, over), NOW).refusal;
    expect(refused({ when: '2026-02-01 09:00' })).toMatchObject({ field: 'time', message: expect.stringContaining('has passed') });
    expect(refused({ when: '2027-06-01 09:00' })).toMatchObject({ field: 'time', message: expect.stringContaining('365 days') });
    expect(refused({ when: undefined, cron: '46,49 6 * * *', taskType: 'recurring_job', botName: 'ops', command: 'report' })).toMatchObject({
      field: 'time',
      message: expect.stringContaining('3 minutes later'),
    });
    expect(refused({ timezone: 'America/New_Yrok' })).toMatchObject({ field: 'timezone', message: expect.stringContaining('did you mean "America/New_York"') });
    expect(refused({ expiresAt: 'tomorrow 8am' })).toMatchObject({ field: 'expiry', message: expect.stringContaining('must be after the first run') });
    expect(refused({ prompt: '  ' })).toMatchObject({ field: 'prompt' });
    expect(refused({ userId: 'U_OTHER' })).toBeNull();
    expect(refused({ userId: 'U_GONE' })).toMatchObject({ field: 'owner', message: expect.stringContaining('is not a user in this database') });
    expect(refused({ taskType: 'reminder', botName: 'coder' })).toMatchObject({ field: 'bot', message: expect.stringContaining('system bot') });
    expect(refused({ when: undefined, cron: '0 9 * * *' })).toMatchObject({ field: 'type', message: expect.stringContaining('a reminder runs once') });
    expect(refused({ taskType: 'recurring_job' })).toMatchObject({ field: 'type', message: expect.stringContaining('needs a cron expression') });
    expect(previewNewSchedule(conn.db, { ...admin, role: 'developer', id: 'U_ME' }, input(p), NOW).refusal).toMatchObject({ field: 'owner' });
    const cron = previewNewSchedule(conn.db, admin, input(p, { when: undefined, cron: '0 9 * * 1-5', taskType: 'recurring_job' }), NOW);
    expect(cron.refusal).toBeNull();
    expect(cron.lines[0]).toBe('At 09:00 AM, Monday through Friday');
    expect(cron.lines.slice(1)).toHaveLength(5);
    expect(cron.lines[1]).toContain('2026-03-02 09:00 EST');
  });

  it('refuses the 51st schedule of an owner (quota) and writes nothing', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    seedUser(conn.sqlite, 'U_FULL', 'developer');
    for (let i = 0; i < 50; i++) seedSchedule(conn.sqlite, { projectId: p, userId: 'U_FULL', status: i % 2 ? 'paused' : 'pending' });
    const before = conn.sqlite.prepare('SELECT count(*) AS n FROM scheduled_tasks').get();
    expect(previewNewSchedule(conn.db, admin, input(p, { userId: 'U_FULL' }), NOW).refusal).toMatchObject({ field: 'owner', message: expect.stringContaining('limit is 50') });
    expect(conn.sqlite.prepare('SELECT count(*) AS n FROM scheduled_tasks').get()).toEqual(before);
  });

  it('previews a change: nothing changed is no refusal; a new cron, a too frequent one, and an expiry before the next run', () => {
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite);
    const id = seedSchedule(conn.sqlite, { projectId: p, cron: '0 9 * * *', nextExecutionAt: hoursFromNow(3) });
    const row = scheduleDetail(conn.db, id)!.schedule;
    expect(previewScheduleChange(row, {}).refusal).toBeNull();
    const changed = previewScheduleChange(row, { cron: '30 7 * * 1' });
    expect(changed.refusal).toBeNull();
    expect(changed.lines[0]).toBe('At 07:30 AM, only on Monday');
    expect(previewScheduleChange(row, { cron: '*/10 * * * *' }).refusal).toMatchObject({ field: 'time' });
    expect(previewScheduleChange(row, { expiresAt: new Date(Date.now() + 3_600_000) }).refusal).toMatchObject({ field: 'expiry' });
  });
});
