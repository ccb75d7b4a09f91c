// The machine's zone differs from every schedule's: times must be read in the schedule's zone.
process.env.TZ = 'Asia/Tokyo';

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject, seedUser } from '../../helpers/seed.js';
import { seedSchedule, hoursFromNow } from '../../screens/schedules-fixtures.js';
import { operator, snapshot, changes } from '../actions/harness.js';
import { createSchedule, updateSchedule, type CreateScheduleInput, type SchedulePatch } from '../../../db/actions/schedules.js';
import { previewNewSchedule, previewScheduleChange } from '../../../db/views/schedules-preview.js';
import { ScheduledTaskRepository } from '../../../db/repositories/scheduled-tasks.js';
import { ScheduleRefusedError, validateNewSchedule, type Refusal } from '../../../db/scheduling/validate.js';
import type { NewScheduledTask } from '../../../db/repositories/scheduled-tasks-types.js';
import type { Connection } from '../../../db/connection.js';

// Issue 14 item 5: each schedule rule exists once (db/scheduling/validate.ts); the form's preview,
// the console's save and the repository give the same refusals for the same input.

const admin = operator();
const ZONE = 'America/New_York';
const DAY = 86_400_000;
/** wall time in New York as ISO with its offset, `days` from now at 09:00 */
const isoIn = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10) + 'T09:00:00-05:00';

let conn: Connection;
let project: string;

beforeEach(() => {
  conn = freshDatabase();
  project = seedProject(conn.sqlite);
  seedUser(conn.sqlite, 'U_DEV', 'developer');
  seedUser(conn.sqlite, 'U_FULL', 'developer');
  for (let i = 0; i < 50; i++) seedSchedule(conn.sqlite, { projectId: project, userId: 'U_FULL', status: i % 3 === 0 ? 'paused' : 'pending' });
});

const input = (over: Partial<CreateScheduleInput> = {}): CreateScheduleInput => ({
  projectId: project,
  userId: 'U_DEV',
  taskType: 'reminder',
  botName: 'system',
  command: 'remind',
  prompt: 'stand up',
  timezone: ZONE,
  when: isoIn(2),
  ...over,
});
const cronJob = (cron: string, over: Partial<CreateScheduleInput> = {}): Partial<CreateScheduleInput> => ({
  when: undefined,
  cron,
  taskType: 'recurring_job',
  botName: 'ops',
  command: 'report',
  ...over,
});

/** The refusals the save threw, or [] when it saved; the file unchanged when refused. */
function saveRefusals(save: () => unknown): Refusal[] {
  const before = snapshot(conn.sqlite);
  try {
    save();
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleRefusedError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
    const err = e as ScheduleRefusedError;
    expect(err.message).toBe(err.refusals[0]!.sentence); // the ValidationError says the first
    return [...err.refusals];
  }
}

// [what, input change, the fields refused in order, a word of the first sentence]
const BAD_NEW: [string, () => Partial<CreateScheduleInput>, (string | null)[], RegExp][] = [
  ['a blank prompt', () => ({ prompt: '   ' }), ['prompt'], /needs a prompt/],
  ['an unknown zone', () => ({ timezone: 'America/New_Yrok' }), ['timezone'], /did you mean "America\/New_York"/],
  ['a time it cannot read', () => ({ when: 'soonish' }), ['time'], /could not read "soonish"/],
  ['a past time', () => ({ when: '2020-01-01T09:00' }), ['time'], /has passed/],
  ['a time over 365 days ahead', () => ({ when: isoIn(400) }), ['time'], /more than 365 days ahead/],
  ['a cron more often than hourly (a short gap)', () => cronJob('46,49 6 * * *'), ['time'], /3 minutes later/],
  ['a reminder with a cron', () => cronJob('0 9 * * *', { taskType: 'reminder', botName: 'system', command: 'remind' }), ['type'], /a reminder runs once/],
  ['a recurring_job without a cron', () => ({ taskType: 'recurring_job' }), ['type'], /needs a cron expression/],
  ['a reminder from another bot', () => ({ botName: 'coder' }), ['bot'], /system bot/],
  ['an owner who is no user', () => ({ userId: 'U_GONE' }), ['owner'], /not a user in this database/],
  ['a run limit of 0', () => ({ maxExecutions: 0 }), ['limit'], /whole number of at least 1/],
  ['an expiry before the first run', () => ({ expiresAt: isoIn(1) }), ['expiry'], /must be after the first run/],
  ['the 51st schedule of an owner', () => ({ userId: 'U_FULL' }), ['owner'], /limit is 50/],
  ['a missing project', () => ({ projectId: 'proj_gone' }), ['project'], /proj_gone not found/],
  ['a blank prompt, a limit of 0 and a past time at once', () => ({ prompt: '', maxExecutions: 0, when: '2020-01-01T09:00' }), ['prompt', 'limit', 'time'], /needs a prompt/],
];

describe('one validator: a new schedule', () => {
  it.each(BAD_NEW)('%s: the preview shows and the save throws the same refusals', (_what, over, fields, first) => {
    const i = input(over());
    const preview = previewNewSchedule(conn.db, admin, i);
    expect(preview.refusals.map((r) => r.field)).toEqual(fields);
    expect(preview.refusals[0]!.sentence).toMatch(first);
    expect(preview.refusal).toEqual({ field: fields[0], message: preview.refusals[0]!.sentence });
    expect(saveRefusals(() => createSchedule(conn.db, admin, i))).toEqual(preview.refusals);
  });

  it('accepts what it previews as accepted, and the save writes it', () => {
    expect(previewNewSchedule(conn.db, admin, input()).refusals).toEqual([]);
    expect(createSchedule(conn.db, admin, input()).status).toBe('pending');
    expect(previewNewSchedule(conn.db, admin, input(cronJob('0 9 * * 1-5'))).refusals).toEqual([]);
    expect(createSchedule(conn.db, admin, input(cronJob('0 9 * * 1-5'))).status).toBe('active');
  });

  it('the repository, given the same schedule as instants, refuses with the same sentences', () => {
    const repo = new ScheduledTaskRepository(conn.db);
    const task = (over: Partial<NewScheduledTask>): NewScheduledTask => ({
      projectId: project,
      userId: 'U_DEV',
      taskType: 'reminder',
      botName: 'system',
      command: 'remind',
      prompt: 'stand up',
      slackChannelId: 'C1',
      timezone: ZONE,
      scheduledFor: isoIn(2),
      ...over,
    });
    const cases: [Partial<CreateScheduleInput>, Partial<NewScheduledTask>][] = [
      [{ prompt: ' ' }, { prompt: ' ' }],
      [{ when: '2020-01-01T09:00:00-05:00' }, { scheduledFor: '2020-01-01T14:00:00.000Z' }],
      [{ when: isoIn(400) }, { scheduledFor: isoIn(400) }],
      [cronJob('*/30 * * * *'), { scheduledFor: null, cronExpression: '*/30 * * * *', taskType: 'recurring_job', botName: 'ops', command: 'report' }],
      [{ botName: 'coder' }, { botName: 'coder' }],
      [{ maxExecutions: 2.5 }, { maxExecutions: 2.5 }],
      [{ expiresAt: isoIn(1) }, { expiresAt: isoIn(1) }],
      [{ userId: 'U_FULL' }, { userId: 'U_FULL' }],
    ];
    for (const [typed, given] of cases) {
      const preview = previewNewSchedule(conn.db, admin, input(typed)).refusals;
      expect(preview).toHaveLength(1);
      expect(saveRefusals(() => repo.create(task(given)))).toEqual(preview);
    }
    // the service's repository does not look the owner up in users; the console's save does
    expect(repo.create(task({ userId: 'U_GONE' })).userId).toBe('U_GONE');
    expect(validateNewSchedule({ ...input(), userId: 'U_GONE' }, { now: new Date() })).toEqual([]);
  });
});

describe('one validator: a change', () => {
  const BAD_CHANGE: [string, SchedulePatch, string, RegExp][] = [
    ['a blank prompt', { prompt: ' ' }, 'prompt', /needs a prompt/],
    ['a run limit of -1', { maxExecutions: -1 }, 'limit', /whole number/],
    ['a cron every ten minutes', { cron: '*/10 * * * *' }, 'time', /at most once an hour/],
    ['an unknown zone', { timezone: 'Europe/Berln' }, 'timezone', /unknown timezone/],
    ['an expiry before the next run', { expiresAt: new Date(Date.now() + 3_600_000) }, 'expiry', /must be after the next run/],
    ['a time for a recurring job', { when: 'tomorrow 9am' }, 'time', /is recurring; change its cron expression/],
  ];

  it.each(BAD_CHANGE)('%s: the preview shows and the save throws the same refusal', (_what, patch, field, sentence) => {
    const id = seedSchedule(conn.sqlite, { projectId: project, userId: 'U_DEV', taskType: 'recurring_job', cron: '0 9 * * *', nextExecutionAt: hoursFromNow(3) });
    const row = new ScheduledTaskRepository(conn.db).findById(id)!;
    const preview = previewScheduleChange(row, patch);
    expect(preview.refusals).toEqual([{ field, sentence: expect.stringMatching(sentence) }]);
    expect(saveRefusals(() => updateSchedule(conn.db, admin, id, patch))).toEqual(preview.refusals);
  });
});

describe('each rule is written once', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  const all = [...sources('db'), ...sources('screens'), ...sources('src')].join('\n');
  const count = (needle: string): number => all.split(needle).length - 1;

  it.each([
    'a schedule needs a prompt',
    'the run limit must be a whole number',
    'pending, active or paused schedules; the limit is',
    'is not a user in this database',
    'only their own schedules; this one belongs to',
    'a one-shot schedule needs a time in the future',
    'must be after the ${which} run',
  ])('the sentence "%s" is written in one place', (sentence) => {
    expect(count(sentence)).toBe(1);
  });

  it('the preview, the action and the repository call no rule themselves: they call the validator', () => {
    const callers = [
      'db/views/schedules-preview.ts',
      'db/actions/schedules.ts',
      'db/actions/schedules-input.ts',
      'db/repositories/scheduled-tasks.ts',
      'db/repositories/scheduled-tasks-patch.ts',
      'db/repositories/scheduled-tasks-create.ts',
    ];
    for (const file of callers) {
      const text = readFileSync(file, 'utf8');
      for (const rule of ['scheduleKind(', 'planTiming(', 'planFirstRun(', 'assertMaxExecutions(', 'maxExecutionsRefusal(', 'promptRefusal(', 'parseWhen(', 'assertOwnerIsUser(']) {
        expect(text.includes(rule), `${file} calls ${rule}`).toBe(false);
      }
    }
  });
});
