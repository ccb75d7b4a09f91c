import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject } from '../../helpers/seed.js';
import { snapshot, changes } from '../actions/harness.js';
import { ScheduledTaskRepository } from '../../../db/repositories/scheduled-tasks.js';
import { nextRun } from '../../../db/scheduling/cron.js';
import { ValidationError } from '../../../db/errors.js';
import type { ScheduledTaskInsert as ConsoleInsert } from '../../../db/types.js';
import type { Connection } from '../../../db/connection.js';

// Issue 16 leftovers: ScheduledTaskRepository called with the exact objects the service's
// SchedulerService.scheduleTask and createCronJob build (packages/cloud/src/services/scheduler.service.ts),
// typed as the service types them (ScheduledTaskInsert), and read back from the file with plain SQL.

let conn: Connection;
let repo: ScheduledTaskRepository;
let project: string;

beforeEach(() => {
  conn = freshDatabase();
  repo = new ScheduledTaskRepository(conn.db);
  project = seedProject(conn.sqlite);
});

/** The service's ScheduledTaskInsert: its schema gives created_at and updated_at defaults, so they are optional there. */
type ScheduledTaskInsert = Omit<ConsoleInsert, 'createdAt' | 'updatedAt'> & Partial<Pick<ConsoleInsert, 'createdAt' | 'updatedAt'>>;

const raw = (id: string): Record<string, unknown> => conn.sqlite.prepare('SELECT * FROM scheduled_tasks WHERE id = ?').get(id) as Record<string, unknown>;
const metadata = { reminderType: 'followup', source: 'slack' };

/** SchedulerService.scheduleTask's object, field for field. */
function scheduleTaskShape(over: Partial<ScheduledTaskInsert> = {}): ScheduledTaskInsert {
  const scheduledDate = new Date(Date.now() + 2 * 3_600_000);
  return {
    id: 'sched_once',
    projectId: project,
    userId: 'U1',
    taskType: 'reminder',
    botName: 'system',
    command: 'remind',
    prompt: 'check the deploy',
    scheduledFor: scheduledDate.toISOString(),
    timezone: 'Asia/Kolkata',
    cronExpression: null,
    isRecurring: false,
    nextExecutionAt: scheduledDate.toISOString(),
    status: 'pending',
    enabled: true,
    slackChannelId: 'C1',
    slackThreadTs: null,
    metadata: JSON.stringify(metadata),
    expiresAt: null,
    ...over,
  };
}

/** SchedulerService.createCronJob's object, field for field. */
function createCronJobShape(over: Partial<ScheduledTaskInsert> = {}): ScheduledTaskInsert {
  const nextExecution = nextRun('0 9 * * 1-5', 'America/New_York', new Date())!;
  return {
    id: 'sched_cron',
    projectId: project,
    userId: 'U1',
    taskType: 'recurring_job',
    botName: 'reviewer',
    command: 'review',
    prompt: 'review open pull requests',
    scheduledFor: nextExecution.toISOString(),
    timezone: 'America/New_York',
    cronExpression: '0 9 * * 1-5',
    isRecurring: true,
    nextExecutionAt: nextExecution.toISOString(),
    maxExecutions: null,
    status: 'active',
    enabled: true,
    slackChannelId: 'C1',
    slackThreadTs: null,
    metadata: JSON.stringify(metadata),
    expiresAt: null,
    ...over,
  };
}

function refused(fn: () => unknown, message: RegExp): void {
  const before = snapshot(conn.sqlite);
  expect(fn).toThrow(ValidationError);
  expect(fn).toThrow(message);
  expect(changes(before, snapshot(conn.sqlite))).toEqual({});
}

describe("create with the service's objects", () => {
  it('scheduleTask: metadata stored as the string given (not encoded twice), times, kind, status and enabled as given', () => {
    const task = scheduleTaskShape();
    repo.create(task);
    expect(raw('sched_once')).toMatchObject({
      metadata: '{"reminderType":"followup","source":"slack"}',
      scheduled_for: task.scheduledFor,
      next_execution_at: task.nextExecutionAt,
      is_recurring: 0,
      cron_expression: null,
      status: 'pending',
      enabled: 1,
      task_type: 'reminder',
      timezone: 'Asia/Kolkata',
    });
    expect(JSON.parse(repo.findById('sched_once')!.metadata!)).toEqual(metadata);
  });

  it('createCronJob: its next run kept as computed, scheduled_for its first run, active, metadata as given', () => {
    const job = createCronJobShape();
    repo.create(job);
    expect(raw('sched_cron')).toMatchObject({
      metadata: '{"reminderType":"followup","source":"slack"}',
      next_execution_at: job.nextExecutionAt,
      scheduled_for: job.scheduledFor,
      is_recurring: 1,
      status: 'active',
      enabled: 1,
    });
  });

  it('metadata given as an object is stringified once; none is {}', () => {
    repo.create({ ...scheduleTaskShape({ id: 'a' }), metadata: undefined });
    expect(raw('a').metadata).toBe('{}');
    const { metadata: _m, ...rest } = scheduleTaskShape({ id: 'b' });
    repo.create({ ...rest, metadata: { nested: { n: 1 } } });
    expect(raw('b').metadata).toBe('{"nested":{"n":1}}');
  });

  it('stores the status and enabled it is given', () => {
    repo.create(scheduleTaskShape({ id: 'held', status: 'paused', enabled: false }));
    expect(raw('held')).toMatchObject({ status: 'paused', enabled: 0 });
    refused(() => repo.create(scheduleTaskShape({ id: 'odd', status: 'sleeping' })), /status "sleeping" is not one of/);
  });

  it('refuses isRecurring and nextExecutionAt that disagree with the schedule, rather than ignore them', () => {
    refused(() => repo.create(scheduleTaskShape({ isRecurring: true })), /isRecurring true\) needs a cron expression/);
    refused(() => repo.create(createCronJobShape({ isRecurring: false })), /isRecurring false\) has no cron expression/);
    const later = new Date(Date.now() + 5 * 3_600_000).toISOString();
    refused(() => repo.create(scheduleTaskShape({ nextExecutionAt: later })), /differs from scheduledFor/);
    refused(() => repo.create(createCronJobShape({ nextExecutionAt: later })), /is not a run of "0 9 \* \* 1-5"/);
    refused(() => repo.create(createCronJobShape({ nextExecutionAt: '2020-01-06T14:00:00.000Z' })), /has passed/);
  });

  it('a one-shot given only nextExecutionAt runs then', () => {
    const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const { scheduledFor: _s, ...rest } = scheduleTaskShape({ id: 'next_only', nextExecutionAt: at });
    repo.create(rest);
    expect(raw('next_only')).toMatchObject({ scheduled_for: at, next_execution_at: at });
  });

  it('refuses an option it does not know, at run time (a caller without types), and writes nothing', () => {
    const untyped = { ...scheduleTaskShape(), executionCount: 3, lastExecutedAt: '2026-01-01T00:00:00.000Z' } as unknown as ScheduledTaskInsert;
    refused(() => repo.create(untyped), /option "executionCount", "lastExecutedAt" are not known/);
  });
});

describe("findAll with the service's filters", () => {
  it('{ enabled: true } (SchedulerService stats) leaves out disabled schedules', () => {
    repo.create(scheduleTaskShape({ id: 'on' }));
    repo.create(scheduleTaskShape({ id: 'off' }));
    repo.pause('off');
    expect(repo.findAll({ enabled: true }).map((s) => s.id)).toEqual(['on']);
    expect(repo.findAll({ enabled: false }).map((s) => s.id)).toEqual(['off']);
    expect(repo.findAll({ projectId: project, userId: 'U1', status: 'pending', enabled: true }).map((s) => s.id)).toEqual(['on']);
  });

  it('refuses a filter it does not know rather than return everything', () => {
    expect(() => repo.findAll({ active: true } as never)).toThrow(/filter "active" is not known/);
  });
});
