// The machine's zone differs from every schedule's: nothing may depend on it.
process.env.TZ = 'Asia/Tokyo';

import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, tempDbPath } from '../../helpers/temp-db.js';
import { seedProject, seedUser } from '../../helpers/seed.js';
import { createServiceDatabase } from '../../fixtures/service-ddl.js';
import { openDatabase, type Connection } from '../../../db/connection.js';
import { cancelSchedule, createSchedule, pauseSchedule, resumeSchedule, updateSchedule, type CreateScheduleInput } from '../../../db/actions/schedules.js';
import { ValidationError } from '../../../db/errors.js';
import type { Operator } from '../../../db/operator.js';
import { auditRows, changes, snapshot } from '../actions/harness.js';

// Issue 12, item 4: the rows the console writes equal what the service's SchedulerService writes
// (packages/cloud/src/services/scheduler.service.ts), field by field except id and times.

const admin: Operator = { id: 'U_ADMIN', role: 'admin', known: false, active: true, readOnly: false };
const OWNER = 'U07OWNER1';
const HOUR = 3_600_000;

type Files = 'console schema' | 'service age 6' | 'service age 7';
const FILES: readonly Files[] = ['console schema', 'service age 6', 'service age 7'];

const opened: Connection[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** A file of that kind with one project (channel C<project id>) and the owner in users. */
function fileWith(kind: Files): { conn: Connection; project: string } {
  let conn: Connection;
  if (kind === 'console schema') conn = freshDatabase();
  else {
    const path = tempDbPath();
    createServiceDatabase(path, kind === 'service age 6' ? 6 : 7).close();
    conn = openDatabase({ path });
    opened.push(conn);
  }
  const project = seedProject(conn.sqlite, { name: 'web' });
  seedUser(conn.sqlite, OWNER, 'developer');
  return { conn, project };
}

const raw = (conn: Connection, id: string): Record<string, unknown> => conn.sqlite.prepare('SELECT * FROM scheduled_tasks WHERE id = ?').get(id) as Record<string, unknown>;

/** The stored row without what differs between any two writers: the id and the times it was written. */
function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const { id, created_at, updated_at, ...rest } = row;
  expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/); // generateId(): a bare nanoid
  expect(created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(updated_at).toBe(created_at);
  return rest;
}

/**
 * What SchedulerService.scheduleTask inserts (written out by hand from its code): the config's
 * type, bot, command and timezone as given, scheduled_for = next_execution_at = the parsed time,
 * no cron, not recurring, pending, enabled, metadata '{}', no thread, no expiry; the rest defaults.
 */
function serviceOneShot(p: { project: string; taskType: string; bot: string; command: string; prompt: string; at: string; timezone: string }): Record<string, unknown> {
  return {
    project_id: p.project,
    user_id: OWNER,
    task_type: p.taskType,
    bot_name: p.bot,
    command: p.command,
    prompt: p.prompt,
    scheduled_for: p.at,
    timezone: p.timezone,
    cron_expression: null,
    is_recurring: 0,
    last_executed_at: null,
    next_execution_at: p.at,
    execution_count: 0,
    max_executions: null,
    status: 'pending',
    enabled: 1,
    slack_channel_id: `C${p.project}`,
    slack_thread_ts: null,
    metadata: '{}',
    last_triggered_at: null,
    expires_at: null,
  };
}

/** What SchedulerService.createCronJob inserts: always recurring_job, active, the first run as both times. */
function serviceCronJob(p: { project: string; bot: string; command: string; prompt: string; cron: string; first: string; timezone: string; max: number | null }): Record<string, unknown> {
  return {
    project_id: p.project,
    user_id: OWNER,
    task_type: 'recurring_job',
    bot_name: p.bot,
    command: p.command,
    prompt: p.prompt,
    scheduled_for: p.first,
    timezone: p.timezone,
    cron_expression: p.cron,
    is_recurring: 1,
    last_executed_at: null,
    next_execution_at: p.first,
    execution_count: 0,
    max_executions: p.max,
    status: 'active',
    enabled: 1,
    slack_channel_id: `C${p.project}`,
    slack_thread_ts: null,
    metadata: '{}',
    last_triggered_at: null,
    expires_at: null,
  };
}

/** The next time the UTC clock shows hh:mm, after `now`: India is UTC+05:30 all year (no DST). */
function nextUtc(hh: number, mm: number, now = Date.now()): string {
  const d = new Date(now);
  d.setUTCHours(hh, mm, 0, 0);
  if (d.getTime() <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** 09:30 in India is 04:00 UTC. */
const next0930Kolkata = (now: number): string => nextUtc(4, 0, now);

const base = (project: string, over: Partial<CreateScheduleInput> = {}): CreateScheduleInput =>
  ({ projectId: project, userId: OWNER, botName: '', command: '', prompt: 'stand-up notes', timezone: 'Asia/Kolkata', ...over }) as CreateScheduleInput;

const lastAudit = (conn: Connection): { action: string; metadata: Record<string, unknown> } => {
  const a = auditRows(conn.sqlite).at(-1)!;
  return { action: a.action, metadata: JSON.parse(a.metadata) as Record<string, unknown> };
};

describe.each(FILES)('schedule rows on a file with the %s', (kind) => {
  it('a reminder is reminder / system / remind, with the zone as typed: the row the service writes', () => {
    const { conn, project } = fileWith(kind);
    const at = new Date(Date.now() + 5 * HOUR);
    const row = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: at }));
    expect(comparable(raw(conn, row.id))).toEqual(
      serviceOneShot({ project, taskType: 'reminder', bot: 'system', command: 'remind', prompt: 'stand-up notes', at: at.toISOString(), timezone: 'Asia/Kolkata' }),
    );
    // scheduleTask's audit keys, beside the console's before/after
    expect(lastAudit(conn)).toMatchObject({
      action: 'scheduled_task.created',
      metadata: { scheduledFor: at.toISOString(), timezone: 'Asia/Kolkata', taskType: 'reminder', before: null },
    });
  });

  it('a one-shot prompt is prompt_execution with its bot and command', () => {
    const { conn, project } = fileWith(kind);
    const at = new Date(Date.now() + 30 * HOUR);
    const row = createSchedule(conn.db, admin, base(project, { botName: 'coder', command: 'fix', prompt: 'fix the flaky test', when: at }));
    expect(comparable(raw(conn, row.id))).toEqual(
      serviceOneShot({ project, taskType: 'prompt_execution', bot: 'coder', command: 'fix', prompt: 'fix the flaky test', at: at.toISOString(), timezone: 'Asia/Kolkata' }),
    );
  });

  it('a cron schedule is recurring_job whatever type was chosen, first run in its typed zone', () => {
    const { conn, project } = fileWith(kind);
    const row = createSchedule(conn.db, admin, base(project, { taskType: 'prompt_execution', botName: 'ops', command: 'report', prompt: 'daily report', cron: '30 9 * * *', maxExecutions: 3 }));
    expect(comparable(raw(conn, row.id))).toEqual(
      serviceCronJob({ project, bot: 'ops', command: 'report', prompt: 'daily report', cron: '30 9 * * *', first: next0930Kolkata(Date.now()), timezone: 'Asia/Kolkata', max: 3 }),
    );
    const a = lastAudit(conn);
    expect(a.action).toBe('cron_job.created');
    expect(a.metadata).toMatchObject({ cronExpression: '30 9 * * *', nextExecution: next0930Kolkata(Date.now()) });
    expect(typeof a.metadata.description).toBe('string');
  });
});

describe("edits change what the service's updateTask changes", () => {
  it('a new cron sets cron_expression and next_execution_at (and updated_at); scheduled_for keeps the first run, as the service leaves it', () => {
    const { conn, project } = fileWith('service age 7');
    const job = createSchedule(conn.db, admin, base(project, { botName: 'ops', command: 'report', cron: '30 9 * * *' }));
    const before = raw(conn, job.id);
    updateSchedule(conn.db, admin, job.id, { cron: '0 10 * * *' });
    const after = raw(conn, job.id);
    // 10:00 in India is 04:30 UTC
    expect(after).toEqual({ ...before, cron_expression: '0 10 * * *', next_execution_at: nextUtc(4, 30), updated_at: after.updated_at });
  });

  it('pause and cancel change status, enabled and updated_at only, as pauseTask and cancelTask do', () => {
    const { conn, project } = fileWith('service age 7');
    const job = createSchedule(conn.db, admin, base(project, { botName: 'ops', command: 'report', cron: '30 9 * * *' }));
    let before = raw(conn, job.id);
    pauseSchedule(conn.db, admin, job.id);
    let after = raw(conn, job.id);
    expect(after).toEqual({ ...before, status: 'paused', enabled: 0, updated_at: after.updated_at });
    const once = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: new Date(Date.now() + 5 * HOUR) }));
    before = raw(conn, once.id);
    cancelSchedule(conn.db, admin, once.id);
    after = raw(conn, once.id);
    expect(after).toEqual({ ...before, status: 'cancelled', enabled: 0, updated_at: after.updated_at });
  });

  it('a new time for a one-shot sets scheduled_for and next_execution_at together, as updateTask does', () => {
    const { conn, project } = fileWith('service age 6');
    const once = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: new Date(Date.now() + 5 * HOUR) }));
    const before = raw(conn, once.id);
    const at = new Date(Date.now() + 7 * HOUR);
    updateSchedule(conn.db, admin, once.id, { when: at });
    const after = raw(conn, once.id);
    expect(after).toEqual({ ...before, scheduled_for: at.toISOString(), next_execution_at: at.toISOString(), updated_at: after.updated_at });
  });
});

describe('the time zone is stored exactly as typed', () => {
  it('Asia/Kolkata stays Asia/Kolkata through create and every edit; an edit that leaves the zone alone leaves it byte-identical', () => {
    const { conn, project } = fileWith('service age 7');
    const once = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: new Date(Date.now() + 5 * HOUR) }));
    const job = createSchedule(conn.db, admin, base(project, { botName: 'ops', command: 'report', cron: '30 9 * * *' }));
    expect(raw(conn, once.id).timezone).toBe('Asia/Kolkata');
    expect(raw(conn, job.id).timezone).toBe('Asia/Kolkata');

    updateSchedule(conn.db, admin, once.id, { prompt: 'new words' });
    updateSchedule(conn.db, admin, once.id, { when: 'tomorrow 9am' });
    updateSchedule(conn.db, admin, once.id, { expiresAt: 'in 3 days' });
    updateSchedule(conn.db, admin, job.id, { cron: '0 10 * * *' });
    updateSchedule(conn.db, admin, job.id, { maxExecutions: 9 });
    expect(raw(conn, once.id).timezone).toBe('Asia/Kolkata');
    expect(raw(conn, job.id).timezone).toBe('Asia/Kolkata');
    // 10:00 in India is 04:30 UTC
    expect(String(raw(conn, job.id).next_execution_at)).toMatch(/T04:30:00\.000Z$/);
  });

  it('a zone typed in an edit is stored as typed (America/New_York to Asia/Kolkata), not the ICU spelling', () => {
    const { conn, project } = fileWith('console schema');
    const once = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', timezone: 'America/New_York', when: new Date(Date.now() + 5 * HOUR) }));
    updateSchedule(conn.db, admin, once.id, { timezone: 'Asia/Kolkata', when: 'tomorrow 9am' });
    expect(raw(conn, once.id).timezone).toBe('Asia/Kolkata');
    expect(() => updateSchedule(conn.db, admin, once.id, { timezone: 'Asia/Kolkatta' })).toThrow(/unknown timezone "Asia\/Kolkatta"/);
    expect(raw(conn, once.id).timezone).toBe('Asia/Kolkata');
  });

  it('a row the service wrote in a legacy-linked zone keeps its spelling when the console edits its time and cron', () => {
    const { conn, project } = fileWith('service age 6');
    const job = createSchedule(conn.db, admin, base(project, { botName: 'ops', command: 'report', cron: '0 9 * * *', timezone: 'Europe/Kyiv' }));
    conn.sqlite.prepare("UPDATE scheduled_tasks SET timezone = 'US/Eastern' WHERE id = ?").run(job.id); // as Slack's profile may give it
    updateSchedule(conn.db, admin, job.id, { cron: '0 8 * * *' });
    pauseSchedule(conn.db, admin, job.id);
    resumeSchedule(conn.db, admin, job.id);
    expect(raw(conn, job.id).timezone).toBe('US/Eastern');
  });
});

describe('the owner is a user in users', () => {
  it('refuses an owner the users table does not hold (compared exactly, as the service compares Slack ids), and writes nothing', () => {
    const { conn, project } = fileWith('service age 7');
    for (const owner of ['U07NOBODY', OWNER.toLowerCase(), ` ${OWNER}`]) {
      const before = snapshot(conn.sqlite);
      expect(() => createSchedule(conn.db, admin, base(project, { userId: owner, taskType: 'reminder', when: new Date(Date.now() + HOUR) }))).toThrow(ValidationError);
      expect(() => createSchedule(conn.db, admin, base(project, { userId: owner, taskType: 'reminder', when: new Date(Date.now() + HOUR) }))).toThrow(/is not a user in this database/);
      expect(changes(before, snapshot(conn.sqlite))).toEqual({});
    }
    expect(createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: new Date(Date.now() + HOUR) })).userId).toBe(OWNER);
  });
});

describe('the type follows what the schedule is', () => {
  it('refuses a reminder with a cron, a recurring_job without one, and a reminder sent by another bot', () => {
    const { conn, project } = fileWith('console schema');
    const at = new Date(Date.now() + HOUR);
    expect(() => createSchedule(conn.db, admin, base(project, { taskType: 'reminder', cron: '0 9 * * *' }))).toThrow(/a reminder runs once/);
    expect(() => createSchedule(conn.db, admin, base(project, { taskType: 'recurring_job', botName: 'ops', command: 'x', when: at }))).toThrow(/recurring_job needs a cron expression/);
    expect(() => createSchedule(conn.db, admin, base(project, { taskType: 'reminder', botName: 'coder', command: 'fix', when: at }))).toThrow(/system bot with the remind command/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });
});

describe('audit metadata keeps the service keys', () => {
  it('scheduled_task.updated names the changed fields with the service key names; paused, resumed and cancelled keep before and after', () => {
    const { conn, project } = fileWith('service age 7');
    const once = createSchedule(conn.db, admin, base(project, { taskType: 'reminder', when: new Date(Date.now() + 5 * HOUR) }));
    const job = createSchedule(conn.db, admin, base(project, { botName: 'ops', command: 'report', cron: '30 9 * * *' }));

    const moved = updateSchedule(conn.db, admin, once.id, { when: 'tomorrow 9am', prompt: 'moved' });
    let a = lastAudit(conn);
    expect(a.action).toBe('scheduled_task.updated');
    expect(a.metadata).toMatchObject({ scheduledFor: moved.scheduledFor, prompt: 'moved' });
    expect(a.metadata.before).toMatchObject({ prompt: 'stand-up notes' });
    expect(a.metadata.after).toMatchObject({ prompt: 'moved' });

    updateSchedule(conn.db, admin, job.id, { cron: '0 10 * * *', timezone: 'Asia/Kolkata', maxExecutions: 4 });
    a = lastAudit(conn);
    expect(a.metadata).toMatchObject({ cronExpression: '0 10 * * *', timezone: 'Asia/Kolkata', maxExecutions: 4 });
    expect(Object.keys(a.metadata).sort()).toEqual(['after', 'before', 'cronExpression', 'maxExecutions', 'timezone']);

    for (const [act, action] of [
      [() => pauseSchedule(conn.db, admin, job.id), 'scheduled_task.paused'],
      [() => resumeSchedule(conn.db, admin, job.id), 'scheduled_task.resumed'],
      [() => cancelSchedule(conn.db, admin, job.id), 'scheduled_task.cancelled'],
    ] as const) {
      act();
      a = lastAudit(conn);
      expect(a.action).toBe(action);
      expect(Object.keys(a.metadata).sort()).toEqual(['after', 'before']);
    }
  });
});
