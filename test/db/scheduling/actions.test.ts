process.env.TZ = 'Asia/Tokyo';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/temp-db.js';
import { operator, snapshot, changes, service, auditRows } from '../actions/harness.js';
import { pauseSchedule, resumeSchedule, cancelSchedule, createSchedule, updateSchedule, type CreateScheduleInput } from '../../../db/actions/schedules.js';
import { ScheduledTaskRepository, PastDueError } from '../../../db/repositories/scheduled-tasks.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../../../db/errors.js';
import type { Connection } from '../../../db/connection.js';
import type { ScheduledTaskRow } from '../../../db/types.js';
import { insertProject, oneShot, recurring, hoursFrom } from './fixtures.js';
import { seedUser } from '../../helpers/seed.js';

let conn: Connection;
let project: string;
let repo: ScheduledTaskRepository;
let mine: ScheduledTaskRow; // owned by U_DEV
let theirs: ScheduledTaskRow; // owned by U_OPS

const admin = operator();
const dev = operator({ id: 'U_DEV', role: 'developer' });

beforeEach(() => {
  conn = freshDatabase();
  project = insertProject(conn.db);
  for (const u of ['U_DEV', 'U_OPS']) seedUser(conn.sqlite, u, 'developer'); // owners are users (the service's Slack ids)
  repo = new ScheduledTaskRepository(conn.db);
  mine = repo.create(oneShot(project, new Date()));
  theirs = repo.create(recurring(project, { userId: 'U_OPS' }));
});

/** Runs an action and checks it changed exactly its own row and wrote one audit row. */
function onlyItsRow<T>(fn: () => T): T {
  const before = snapshot(conn.sqlite);
  const out = fn();
  expect(changes(before, snapshot(conn.sqlite))).toEqual({ scheduled_tasks: 1, audit_logs: 1 });
  return out;
}

function lastAudit(): { action: string; user_id: string | null; resource_type: string; resource_id: string | null; metadata: { before: ScheduledTaskRow | null; after: ScheduledTaskRow } } {
  const row = auditRows(conn.sqlite).at(-1)!;
  return { ...row, metadata: JSON.parse(row.metadata) };
}

describe('pause, resume and cancel, each audited with the operator', () => {
  it('pauses: one row changed, scheduled_task.paused with before and after', () => {
    const after = onlyItsRow(() => pauseSchedule(conn.db, dev, mine.id));
    expect(after).toMatchObject({ status: 'paused', enabled: false });
    const a = lastAudit();
    expect(a).toMatchObject({ action: 'scheduled_task.paused', user_id: 'U_DEV', resource_type: 'scheduled_task', resource_id: mine.id });
    expect(a.metadata.before).toMatchObject({ status: 'pending', enabled: true });
    expect(a.metadata.after).toMatchObject({ status: 'paused', enabled: false });
  });

  it('resumes a recurring job with its next run recomputed: scheduled_task.resumed', () => {
    pauseSchedule(conn.db, admin, theirs.id);
    const { row } = onlyItsRow(() => resumeSchedule(conn.db, admin, theirs.id));
    expect(row).toMatchObject({ status: 'active', enabled: true });
    expect(Date.parse(row.nextExecutionAt!)).toBeGreaterThan(Date.now());
    expect(lastAudit()).toMatchObject({ action: 'scheduled_task.resumed', user_id: 'U_ADMIN' });
  });

  it('refuses to resume a past one-shot without fireNow, and nothing is written', () => {
    pauseSchedule(conn.db, admin, mine.id);
    conn.sqlite.prepare('UPDATE scheduled_tasks SET next_execution_at = ?, scheduled_for = ? WHERE id = ?').run('2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', mine.id);
    const before = snapshot(conn.sqlite);
    expect(() => resumeSchedule(conn.db, admin, mine.id)).toThrow(PastDueError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
    const { warning } = onlyItsRow(() => resumeSchedule(conn.db, admin, mine.id, { fireNow: true }));
    expect(warning).toMatch(/will fire at once/);
  });

  it('cancels: scheduled_task.cancelled', () => {
    onlyItsRow(() => cancelSchedule(conn.db, admin, theirs.id));
    expect(repo.findById(theirs.id)).toMatchObject({ status: 'cancelled', enabled: false });
    expect(lastAudit()).toMatchObject({ action: 'scheduled_task.cancelled', resource_id: theirs.id });
  });
});

describe('refusals leave the database as it was', () => {
  function refused(fn: () => unknown, error: new (...a: never[]) => Error, message?: RegExp): void {
    const before = snapshot(conn.sqlite);
    expect(fn).toThrow(error);
    if (message) expect(fn).toThrow(message);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  }

  it('a viewer changes nothing', () => {
    const viewer = operator({ id: 'U_VIEW', role: 'viewer' });
    refused(() => pauseSchedule(conn.db, viewer, mine.id), PermissionError, /viewer/);
    refused(() => createSchedule(conn.db, viewer, input({ userId: 'U_VIEW' })), PermissionError);
  });

  it('a read-only console and an inactive operator change nothing', () => {
    refused(() => cancelSchedule(conn.db, operator({ readOnly: true }), mine.id), PermissionError, /read-only/);
    refused(() => cancelSchedule(conn.db, operator({ active: false }), mine.id), PermissionError, /inactive/);
  });

  it("a developer may not touch someone else's schedule", () => {
    refused(() => pauseSchedule(conn.db, dev, theirs.id), PermissionError, /only their own schedules; this one belongs to U_OPS/);
    refused(() => cancelSchedule(conn.db, dev, theirs.id), PermissionError);
    refused(() => updateSchedule(conn.db, dev, theirs.id, { prompt: 'mine now' }), PermissionError);
    refused(() => createSchedule(conn.db, dev, input({ userId: 'U_OPS' })), PermissionError);
  });

  it('a change made by the service in between (second connection) is a conflict, nothing applied', () => {
    service(conn).prepare("UPDATE scheduled_tasks SET status = 'completed' WHERE id = ?").run(mine.id);
    refused(() => pauseSchedule(conn.db, dev, mine.id), ConflictError, /is completed; .*nothing was changed/);
    refused(() => updateSchedule(conn.db, dev, mine.id, { when: 'tomorrow 9am' }), ConflictError);
    service(conn).prepare("UPDATE scheduled_tasks SET status = 'cancelled', enabled = 0 WHERE id = ?").run(theirs.id);
    refused(() => resumeSchedule(conn.db, admin, theirs.id), ConflictError);
  });

  it('a missing schedule is not found', () => {
    refused(() => cancelSchedule(conn.db, admin, 'missing'), NotFoundError);
  });
});

function input(over: Partial<CreateScheduleInput> = {}): CreateScheduleInput {
  return { projectId: project, userId: 'U_DEV', taskType: 'reminder', botName: 'system', command: 'remind', prompt: 'stand-up notes', timezone: 'Europe/Berlin', when: 'tomorrow 9am', ...over };
}

describe('createSchedule', () => {
  it('creates a one-shot from words in its timezone, on the project channel: scheduled_task.created', () => {
    const before = snapshot(conn.sqlite);
    const row = createSchedule(conn.db, dev, input());
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ scheduled_tasks: 1, audit_logs: 1 });
    expect(row).toMatchObject({ status: 'pending', isRecurring: false, slackChannelId: `C_${project}`, timezone: 'Europe/Berlin' });
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(row.nextExecutionAt!))).toBe('09:00');
    expect(lastAudit()).toMatchObject({ action: 'scheduled_task.created', user_id: 'U_DEV', resource_id: row.id, metadata: { before: null } });
  });

  it('creates a recurring job: cron_job.created', () => {
    const row = createSchedule(conn.db, admin, input({ when: undefined, cron: '0 9 * * 1-5', taskType: 'recurring_job', userId: 'U_OPS', maxExecutions: 10 }));
    expect(row).toMatchObject({ status: 'active', isRecurring: true, maxExecutions: 10 });
    expect(lastAudit()).toMatchObject({ action: 'cron_job.created', user_id: 'U_ADMIN' });
  });

  it('refuses broken rules, an unknown project and both or neither of time and cron', () => {
    for (const bad of [
      input({ when: undefined, cron: '46,49 6 * * *' }),
      input({ when: 'yesterday 9am' }),
      input({ timezone: 'Europe/Berln' }),
      input({ cron: '0 9 * * *' }),
      input({ when: undefined }),
      input({ projectId: 'proj_missing' }),
      input({ expiresAt: 'today 8am' }),
    ]) {
      expect(() => createSchedule(conn.db, admin, bad)).toThrow(ValidationError);
    }
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});

describe('updateSchedule', () => {
  it('reschedules a one-shot with words in its zone: scheduled_task.updated', () => {
    const after = onlyItsRow(() => updateSchedule(conn.db, dev, mine.id, { when: 'in 2 hours', prompt: 'snoozed' }));
    expect(Math.abs(Date.parse(after.nextExecutionAt!) - hoursFrom(new Date(), 2).getTime())).toBeLessThan(60_000);
    expect(after.prompt).toBe('snoozed');
    const a = lastAudit();
    expect(a).toMatchObject({ action: 'scheduled_task.updated', user_id: 'U_DEV' });
    expect(a.metadata.before?.prompt).toBe('check the deploy');
    expect(a.metadata.after.prompt).toBe('snoozed');
  });

  it('fixes a cron that runs at the wrong hour, under the hourly rule', () => {
    expect(() => updateSchedule(conn.db, admin, theirs.id, { cron: '*/30 * * * *' })).toThrow(/at most once an hour/);
    const after = onlyItsRow(() => updateSchedule(conn.db, admin, theirs.id, { cron: '0 10 * * 1-5' }));
    expect(after.cronExpression).toBe('0 10 * * 1-5');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(new Date(after.nextExecutionAt!))).toBe('10:00');
  });

  it('refuses a time for a recurring job, a cron for a one-shot, and an empty change', () => {
    expect(() => updateSchedule(conn.db, admin, theirs.id, { when: 'tomorrow 9am' })).toThrow(/is recurring/);
    expect(() => updateSchedule(conn.db, admin, mine.id, { cron: '0 9 * * *' })).toThrow(/runs once/);
    expect(() => updateSchedule(conn.db, admin, mine.id, {})).toThrow(/nothing to change/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});
