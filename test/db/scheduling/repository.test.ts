process.env.TZ = 'Asia/Tokyo';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/temp-db.js';
import { ScheduledTaskRepository, PastDueError } from '../../../db/repositories/scheduled-tasks.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../db/errors.js';
import type { DB } from '../../../db/connection.js';
import { insertProject, oneShot, recurring, rawRow, hoursFrom } from './fixtures.js';

let db: DB;
let project: string;
let clock: Date;
let repo: ScheduledTaskRepository;

beforeEach(() => {
  db = freshDatabase().db;
  project = insertProject(db);
  clock = new Date('2026-03-06T15:00:00.000Z'); // Friday 10:00 in New York, two days before DST starts
  repo = new ScheduledTaskRepository(db, () => clock);
});

describe('create', () => {
  it('writes a one-shot as the service does: bare nanoid, ISO times, pending, enabled, metadata JSON', () => {
    const row = repo.create(oneShot(project, clock, { metadata: { reminderType: 'followup' } }));
    expect(row.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const raw = rawRow(db, row.id);
    expect(raw).toMatchObject({
      status: 'pending',
      enabled: 1,
      is_recurring: 0,
      cron_expression: null,
      scheduled_for: '2026-03-06T16:00:00.000Z',
      next_execution_at: '2026-03-06T16:00:00.000Z',
      execution_count: 0,
      metadata: '{"reminderType":"followup"}',
      created_at: '2026-03-06T15:00:00.000Z',
      updated_at: '2026-03-06T15:00:00.000Z',
    });
  });

  it('writes a recurring job active, with its first run in its own zone and metadata {}', () => {
    const row = repo.create(recurring(project));
    expect(row).toMatchObject({ status: 'active', enabled: true, isRecurring: true, cronExpression: '0 9 * * 1-5', nextExecutionAt: '2026-03-09T13:00:00.000Z', metadata: '{}' });
  });

  it('normalises an offset time to toISOString, so the service can compare it as text', () => {
    const row = repo.create(oneShot(project, clock, { scheduledFor: '2026-03-07T09:00:00+01:00' }));
    expect(rawRow(db, row.id).next_execution_at).toBe('2026-03-07T08:00:00.000Z');
  });

  it('refuses each broken rule with a ValidationError and writes nothing', () => {
    const cases = [
      recurring(project, { cronExpression: '*/30 * * * *' }),
      recurring(project, { cronExpression: '46,49 6 * * *' }),
      oneShot(project, clock, { scheduledFor: hoursFrom(clock, -1) }),
      oneShot(project, clock, { scheduledFor: hoursFrom(clock, 24 * 366) }),
      oneShot(project, clock, { expiresAt: hoursFrom(clock, 0.5) }),
      oneShot(project, clock, { timezone: 'America/New_Yrok' }),
      oneShot(project, clock, { taskType: 'surprise' }),
      oneShot(project, clock, { maxExecutions: 0 }),
      oneShot(project, clock, { prompt: '  ' }),
    ];
    for (const input of cases) expect(() => repo.create(input)).toThrow(ValidationError);
    expect(repo.findAll()).toEqual([]);
  });

  it('enforces the quota of 50 pending, active or paused per owner; others do not count', () => {
    for (let i = 0; i < 49; i++) repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, i + 1) }));
    const fiftieth = repo.create(oneShot(project, clock));
    expect(repo.countByUser('U_DEV')).toBe(50);
    expect(() => repo.create(oneShot(project, clock))).toThrow(/already has 50 .*the limit is 50/);
    expect(repo.create(oneShot(project, clock, { userId: 'U_OTHER' })).userId).toBe('U_OTHER');
    repo.cancel(fiftieth.id);
    expect(repo.create(oneShot(project, clock)).status).toBe('pending');
  });
});

describe('reads', () => {
  it('finds by id, project, user, status and filters', () => {
    const other = insertProject(db);
    const a = repo.create(oneShot(project, clock));
    const b = repo.create(recurring(other, { userId: 'U_OPS' }));
    clock = hoursFrom(clock, 0.01);
    const c = repo.create(oneShot(other, clock, { taskType: 'prompt_execution' }));
    expect(repo.findById(a.id)?.id).toBe(a.id);
    expect(repo.findById('nope')).toBeUndefined();
    expect(repo.findByProjectId(other).map((r) => r.id)).toEqual([c.id, b.id]);
    expect(repo.findByUserId('U_OPS').map((r) => r.id)).toEqual([b.id]);
    expect(repo.findByStatus('active').map((r) => r.id)).toEqual([b.id]);
    expect(repo.findAll({ projectId: other, userId: 'U_DEV' }).map((r) => r.id)).toEqual([c.id]);
    expect(repo.findAll({ taskType: 'reminder' }).map((r) => r.id)).toEqual([a.id]);
    expect(repo.findAll({ status: ['pending', 'active'], limit: 2 })).toHaveLength(2);
  });

  it('findDue: next run reached, enabled, pending or active, oldest first', () => {
    const late = repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 2) }));
    const early = repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 1) }));
    const paused = repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 1) }));
    repo.pause(paused.id);
    repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 5) }));
    expect(repo.findDue(hoursFrom(clock, 0.5))).toEqual([]);
    expect(repo.findDue(hoursFrom(clock, 2)).map((r) => r.id)).toEqual([early.id, late.id]);
    clock = hoursFrom(clock, 3);
    expect(repo.findDue().map((r) => r.id)).toEqual([early.id, late.id]);
  });

  it('findUpcoming and findActive: enabled pending or active, soonest first', () => {
    const second = repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 2) }));
    const first = repo.create(oneShot(project, clock, { scheduledFor: hoursFrom(clock, 1) }));
    const job = repo.create(recurring(project)); // Monday 09:00 EDT
    repo.cancel(repo.create(oneShot(project, clock)).id);
    expect(repo.findUpcoming(2).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(repo.findActive().map((r) => r.id)).toEqual([first.id, second.id, job.id]);
    clock = hoursFrom(clock, 1.5); // the first is due now, no longer upcoming
    expect(repo.findUpcoming().map((r) => r.id)).toEqual([second.id, job.id]);
  });
});

describe('transitions', () => {
  it('pause: paused and disabled; cancel: cancelled and disabled', () => {
    const a = repo.create(oneShot(project, clock));
    expect(repo.pause(a.id)).toMatchObject({ status: 'paused', enabled: false });
    expect(repo.cancel(a.id)).toMatchObject({ status: 'cancelled', enabled: false });
    expect(() => repo.pause(a.id)).toThrow(ConflictError);
    expect(() => repo.cancel(a.id)).toThrow(/is cancelled; only a pending, active, paused schedule can be cancelled/);
    expect(() => repo.pause('missing')).toThrow(NotFoundError);
  });

  it('resume of a recurring job recomputes the next run after now in its own zone (across DST)', () => {
    const job = repo.create(recurring(project, { cronExpression: '0 9 * * *' }));
    expect(job.nextExecutionAt).toBe('2026-03-07T14:00:00.000Z'); // Saturday 09:00 EST
    repo.pause(job.id);
    clock = new Date('2026-03-07T20:00:00.000Z'); // its time passed while paused
    const { row, warning } = repo.resume(job.id);
    expect(row).toMatchObject({ status: 'active', enabled: true, nextExecutionAt: '2026-03-08T13:00:00.000Z' }); // 09:00 EDT
    expect(warning).toBeUndefined();
  });

  it('resume of a one-shot still ahead keeps its time and is pending', () => {
    const a = repo.create(oneShot(project, clock));
    repo.pause(a.id);
    expect(repo.resume(a.id).row).toMatchObject({ status: 'pending', enabled: true, nextExecutionAt: a.nextExecutionAt });
  });

  it('resume of a one-shot whose time passed is refused, unless fireNow, then it fires at once with a warning', () => {
    const a = repo.create(oneShot(project, clock));
    repo.pause(a.id);
    clock = hoursFrom(clock, 3);
    expect(() => repo.resume(a.id)).toThrow(PastDueError);
    expect(repo.findById(a.id)?.status).toBe('paused');
    const { row, warning } = repo.resume(a.id, { fireNow: true });
    expect(row).toMatchObject({ status: 'pending', enabled: true, nextExecutionAt: clock.toISOString() });
    expect(warning).toMatch(/has passed; it will fire at once/);
    expect(repo.findDue().map((r) => r.id)).toEqual([a.id]);
  });

  it('resume refuses a recurring job that reached its limit, and a status other than paused', () => {
    const job = repo.create(recurring(project, { maxExecutions: 1 }));
    expect(() => repo.resume(job.id)).toThrow(ConflictError);
    db.$client.prepare("UPDATE scheduled_tasks SET status = 'paused', execution_count = 1 WHERE id = ?").run(job.id);
    expect(() => repo.resume(job.id)).toThrow(/has run 1 of 1 times/);
  });

  it('markExecuted moves a recurring job to its next run and completes it at its limit', () => {
    const job = repo.create(recurring(project, { maxExecutions: 2 }));
    clock = new Date('2026-03-09T13:00:05.000Z');
    const once = repo.markExecuted(job.id);
    expect(once).toMatchObject({ executionCount: 1, status: 'active', lastExecutedAt: clock.toISOString(), lastTriggeredAt: clock.toISOString(), nextExecutionAt: '2026-03-10T13:00:00.000Z' });
    clock = new Date('2026-03-10T13:00:05.000Z');
    expect(repo.markExecuted(job.id)).toMatchObject({ executionCount: 2, status: 'completed', nextExecutionAt: null });
  });

  it('markExecuted completes a recurring job whose expiry comes before its next run', () => {
    const job = repo.create(recurring(project, { expiresAt: '2026-03-09T20:00:00.000Z' }));
    clock = new Date('2026-03-09T13:00:05.000Z');
    expect(repo.markExecuted(job.id)).toMatchObject({ executionCount: 1, status: 'completed' });
  });

  it('markExecuted completes a one-shot', () => {
    const a = repo.create(oneShot(project, clock));
    clock = hoursFrom(clock, 1);
    expect(repo.markExecuted(a.id)).toMatchObject({ executionCount: 1, status: 'completed', nextExecutionAt: null, lastExecutedAt: clock.toISOString() });
  });
});

describe('update and delete', () => {
  it('applies a plain change and refuses a missing row', () => {
    const a = repo.create(oneShot(project, clock));
    clock = hoursFrom(clock, 0.1);
    const after = repo.update(a.id, { prompt: 'check the deploy again', metadata: { context: 'x' } });
    expect(after).toMatchObject({ prompt: 'check the deploy again', metadata: '{"context":"x"}', updatedAt: clock.toISOString() });
    expect(() => repo.update('missing', { prompt: 'x' })).toThrow(NotFoundError);
  });

  it('re-applies the rules to a changed cron or timezone and recomputes the next run', () => {
    const job = repo.create(recurring(project));
    expect(() => repo.update(job.id, { cronExpression: '*/30 * * * *' })).toThrow(/at most once an hour/);
    expect(() => repo.update(job.id, { timezone: 'Europe/Berln' })).toThrow(/did you mean "Europe\/Berlin"/);
    expect(repo.update(job.id, { timezone: 'Europe/Berlin' })).toMatchObject({ timezone: 'Europe/Berlin', nextExecutionAt: '2026-03-09T08:00:00.000Z' });
  });

  it('re-applies the one-shot window and the expiry rule to a new time', () => {
    const a = repo.create(oneShot(project, clock));
    expect(() => repo.update(a.id, { scheduledFor: hoursFrom(clock, -2).toISOString() })).toThrow(/has passed/);
    expect(() => repo.update(a.id, { expiresAt: hoursFrom(clock, 0.5).toISOString() })).toThrow(/must be after the next run/);
    const moved = repo.update(a.id, { scheduledFor: '2026-03-10T09:00:00-04:00' });
    expect(moved).toMatchObject({ scheduledFor: '2026-03-10T13:00:00.000Z', nextExecutionAt: '2026-03-10T13:00:00.000Z' });
  });

  it('a change of kind takes the type the service gives it; the zone is written only when it is the change', () => {
    const a = repo.create(oneShot(project, clock, { taskType: 'prompt_execution', botName: 'coder', command: 'fix', timezone: 'Asia/Kolkata' }));
    const job = repo.update(a.id, { cronExpression: '0 9 * * 1-5' });
    expect(job).toMatchObject({ taskType: 'recurring_job', isRecurring: true, status: 'active', timezone: 'Asia/Kolkata' });
    expect(repo.update(a.id, { cronExpression: null, scheduledFor: hoursFrom(clock, 3).toISOString() })).toMatchObject({ taskType: 'prompt_execution', status: 'pending' });
    const r = repo.create(oneShot(project, clock));
    expect(() => repo.update(r.id, { cronExpression: '0 9 * * *' })).toThrow(/a reminder runs once/);
    db.$client.prepare("UPDATE scheduled_tasks SET timezone = 'US/Eastern' WHERE id = ?").run(r.id);
    expect(rawRow(db, repo.update(r.id, { scheduledFor: hoursFrom(clock, 5).toISOString() }).id).timezone).toBe('US/Eastern');
  });

  it('refuses at create what the service never writes: a reminder with a cron or another bot, a recurring_job without a cron', () => {
    expect(() => repo.create(recurring(project, { taskType: 'reminder' }))).toThrow(/a reminder runs once/);
    expect(() => repo.create(oneShot(project, clock, { botName: 'coder' }))).toThrow(/system bot with the remind command/);
    expect(() => repo.create(oneShot(project, clock, { taskType: 'recurring_job', botName: 'ops', command: 'x' }))).toThrow(/needs a cron expression/);
    expect(repo.create(recurring(project, { taskType: 'prompt_execution' })).taskType).toBe('recurring_job');
    expect(repo.findAll()).toHaveLength(1);
  });

  it('counts the quota when an update brings a schedule back', () => {
    const old = repo.create(oneShot(project, clock));
    repo.cancel(old.id);
    for (let i = 0; i < 50; i++) repo.create(oneShot(project, clock));
    expect(() => repo.update(old.id, { status: 'pending', enabled: true })).toThrow(/already has 50/);
  });

  it('delete removes the row, and refuses a missing one', () => {
    const a = repo.create(oneShot(project, clock));
    repo.delete(a.id);
    expect(repo.findById(a.id)).toBeUndefined();
    expect(() => repo.delete(a.id)).toThrow(NotFoundError);
  });
});

describe('a database from before scheduled_tasks existed (COMPAT age 5)', () => {
  it('reads as empty and refuses writes naming migrate', async () => {
    const { openDatabase } = await import('../../../db/connection.js');
    const { tempDbPath } = await import('../../helpers/temp-db.js');
    const conn = openDatabase({ path: tempDbPath(), create: true });
    try {
      conn.sqlite.exec('CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL)');
      const old = new ScheduledTaskRepository(conn.db);
      expect(old.findAll()).toEqual([]);
      expect(old.findDue()).toEqual([]);
      expect(old.countByUser('U_DEV')).toBe(0);
      expect(old.findById('x')).toBeUndefined();
      expect(() => old.create(oneShot('p', new Date()))).toThrow(/bematic-console migrate/);
    } finally {
      conn.close();
    }
  });
});
