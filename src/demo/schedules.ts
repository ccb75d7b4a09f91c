import { Cron } from 'croner';
import { prepareInsert, type Row } from './bulk.js';
import type { Rng } from './prng.js';
import { BOT_COMMANDS, taskPrompt, type Bot } from './text.js';
import { DAY, slackTs } from './timeline.js';
import { AREAS, FEATURES } from './words.js';
import { iso, requesters, streamOf, type DemoUser, type DemoWorld } from './world.js';

const SCHEDULE_COLUMNS = [
  'id',
  'project_id',
  'user_id',
  'task_type',
  'bot_name',
  'command',
  'prompt',
  'scheduled_for',
  'timezone',
  'cron_expression',
  'is_recurring',
  'last_executed_at',
  'next_execution_at',
  'execution_count',
  'max_executions',
  'status',
  'enabled',
  'slack_channel_id',
  'slack_thread_ts',
  'metadata',
  'created_at',
  'updated_at',
  'last_triggered_at',
  'expires_at',
] as const;

/** all hourly or slower, as the service requires */
const CRONS = ['0 * * * *', '0 */2 * * *', '0 */6 * * *', '0 9 * * 1-5', '30 8 * * 1', '0 0 * * *', '15 17 * * 5', '0 9 1 * *', '0 7 * * *', '45 12 * * 2,4'] as const;
const TIMEZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'UTC', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'] as const;
const ONE_SHOT_STATUSES = ['pending', 'completed', 'cancelled', 'failed', 'paused'] as const;
const RECURRING_STATUSES = ['active', 'paused', 'cancelled', 'completed', 'failed'] as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** what each bot does on a timer */
const RECURRING_COMMANDS: Record<Bot, readonly string[]> = { ops: ['status', 'logs'], reviewer: ['review', 'audit'], coder: ['test'], planner: ['plan'] };

/** the first rows walk through every status so even the smallest demo has each; then by weight */
function statusFor<T extends string>(rng: Rng, i: number, statuses: readonly T[], weights: readonly number[]): T {
  const round = Math.floor(i / 3);
  return round < statuses.length ? statuses[round]! : rng.weighted(statuses, weights);
}

export const scheduleCount = (scale: number): number => Math.min(1500, Math.max(40, Math.round(40 + 150 * scale)));

/** what differs between the three kinds of schedule */
type Fields = Omit<Row<typeof SCHEDULE_COLUMNS>, 'id' | 'project_id' | 'user_id' | 'timezone' | 'slack_channel_id' | 'slack_thread_ts' | 'created_at' | 'updated_at'>;

/** the service's quota: 50 pending, active or paused schedules per Slack user */
const QUOTA = 50;
const COUNTS_TOWARDS_QUOTA = new Set(['pending', 'active', 'paused']);

/** an owner with room under the quota for this schedule */
function ownerFor(rng: Rng, owners: readonly DemoUser[], open: Map<string, number>, status: string): DemoUser {
  const first = rng.int(0, owners.length - 1);
  if (!COUNTS_TOWARDS_QUOTA.has(status)) return owners[first]!;
  for (let k = 0; k < owners.length; k++) {
    const owner = owners[(first + k) % owners.length]!;
    const n = open.get(owner.slackId) ?? 0;
    if (n < QUOTA) {
      open.set(owner.slackId, n + 1);
      return owner;
    }
  }
  return owners[first]!; // more schedules than quota allows: only a demo beyond scale 30 gets here
}

/** reminders, one-shot prompts and recurring jobs in several timezones, in every status, some due now */
export function writeSchedules(world: DemoWorld): void {
  const rng = streamOf(world, 'schedules');
  const insert = prepareInsert(world.sqlite, 'scheduled_tasks', SCHEDULE_COLUMNS);
  const owners = requesters(world);
  const projects = world.projects.filter((p) => p.active);
  const total = scheduleCount(world.scale);
  const open = new Map<string, number>();
  world.sqlite.transaction(() => {
    for (let i = 0; i < total; i++) {
      const kind = i % 3; // equal thirds, so even the smallest demo has every kind
      const timezone = rng.pick(TIMEZONES);
      const fields = kind === 0 ? reminder(rng, world.now, i) : kind === 1 ? oneShot(rng, world.now, i) : recurring(rng, world.now, timezone, i);
      // created before it first ran
      const firstRun = Date.parse(String(fields.last_triggered_at ?? fields.scheduled_for));
      const createdAt = Math.min(world.now - rng.int(1, 90) * DAY - rng.int(0, DAY), firstRun - rng.int(1, 72) * HOUR);
      const project = rng.pick(projects);
      const id = rng.nanoid();
      const updatedAt = Math.min(world.now, createdAt + rng.int(0, 30) * DAY);
      insert({
        id,
        project_id: project.id,
        user_id: ownerFor(rng, owners, open, String(fields.status)).slackId,
        timezone,
        ...fields,
        slack_channel_id: project.channel,
        slack_thread_ts: rng.chance(0.5) ? slackTs(createdAt, rng) : null,
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      });
      const action = { paused: 'scheduled_task.paused', cancelled: 'scheduled_task.cancelled' }[String(fields.status)];
      if (action) world.audit.push({ action, userId: rng.pick(owners).slackId, resourceType: 'scheduled_task', resourceId: id, metadata: { taskType: fields.task_type }, at: updatedAt });
      if (fields.status === 'active' && rng.chance(0.2))
        world.audit.push({ action: 'scheduled_task.resumed', userId: rng.pick(owners).slackId, resourceType: 'scheduled_task', resourceId: id, metadata: {}, at: updatedAt });
    }
  })();
  world.progress(total, total, 'scheduled_tasks');
}

/** a one-shot time: in the future when still to run (a few due right now), else in the past */
function oneShotTimes(rng: Rng, now: number, status: string, i: number) {
  const due = status === 'pending' && i % 12 < 2;
  const at = status === 'pending' || status === 'paused' ? (due ? now - rng.int(1, 20) * MINUTE : now + rng.int(10, 60 * 24 * 30) * MINUTE) : now - rng.int(10, 60 * 24 * 60) * MINUTE;
  const ran = status === 'completed' || status === 'failed';
  return {
    scheduled_for: iso(at),
    next_execution_at: ran || status === 'cancelled' ? null : iso(at),
    last_executed_at: ran ? iso(at + rng.int(0, 30_000)) : null,
    last_triggered_at: ran ? iso(at) : null,
    execution_count: ran ? 1 : 0,
    status,
    enabled: status === 'pending' ? 1 : 0,
  };
}

function reminder(rng: Rng, now: number, i: number): Fields {
  const status = statusFor(rng, i, ONE_SHOT_STATUSES, [45, 30, 12, 5, 8]);
  const about = rng.chance(0.5) ? `review the ${rng.pick(AREAS)} PR` : `check ${rng.pick(FEATURES)} on staging`;
  return {
    task_type: 'reminder',
    bot_name: 'system',
    command: 'remind',
    prompt: `Remind me to ${about}`,
    cron_expression: null,
    is_recurring: 0,
    max_executions: null,
    expires_at: null,
    metadata: JSON.stringify({ reminderType: 'one-time', context: about, originalText: `remind me to ${about} ${rng.pick(['tomorrow at 9am', 'in 2 hours', 'next monday', 'on friday afternoon'])}` }),
    ...oneShotTimes(rng, now, status, i),
  };
}

function oneShot(rng: Rng, now: number, i: number): Fields {
  const bot = rng.pick(['coder', 'reviewer', 'ops', 'planner'] as const satisfies readonly Bot[]);
  const command = rng.pick(BOT_COMMANDS[bot]);
  const status = statusFor(rng, i, ONE_SHOT_STATUSES, [40, 35, 10, 8, 7]);
  return {
    task_type: 'prompt_execution',
    bot_name: bot,
    command,
    prompt: taskPrompt(rng, command),
    cron_expression: null,
    is_recurring: 0,
    max_executions: null,
    expires_at: null,
    metadata: JSON.stringify({ files: [], requestedVia: rng.pick(['slash-command', 'mention', 'api']) }),
    ...oneShotTimes(rng, now, status, i),
  };
}

function recurring(rng: Rng, now: number, timezone: string, i: number): Fields {
  const cronExpression = rng.pick(CRONS);
  const cron = new Cron(cronExpression, { timezone, paused: true });
  let status: string = statusFor(rng, i, RECURRING_STATUSES, [55, 15, 12, 10, 8]);
  const limit = status === 'completed' || rng.chance(0.25) ? rng.pick([5, 10, 30, 100]) : null;
  let count = limit !== null && status === 'completed' ? limit : rng.int(0, 200);
  if (limit !== null && status !== 'completed' && count >= limit) count = rng.int(0, limit - 1);
  if (status === 'active' && i % 17 === 2) count = (limit ?? 10) + rng.int(1, 3); // past its limit: a scheduler bug the console must show
  const last = count > 0 ? (cron.previousRuns(1, new Date(now))[0]?.getTime() ?? null) : null;
  const due = status === 'active' && i % 7 === 2;
  const upcoming = cron.nextRun(new Date(now))!.getTime();
  const next = status === 'active' || status === 'paused' ? (due ? now - rng.int(1, 25) * MINUTE : upcoming) : null;
  const expires = rng.chance(0.15) ? now + rng.int(-20, 120) * DAY : null;
  if (expires !== null && expires < now && status === 'active') status = 'cancelled';
  const bot = rng.weighted(['ops', 'reviewer', 'coder', 'planner'] as const, [40, 30, 20, 10]);
  return {
    task_type: 'recurring_job',
    bot_name: bot,
    command: rng.pick(RECURRING_COMMANDS[bot]),
    prompt: rng.pick([
      `Summarise yesterday's errors in ${rng.pick(AREAS)}`,
      `Run the ${rng.pick(AREAS)} test suite and report failures`,
      `Weekly dependency audit`,
      `Check ${rng.pick(FEATURES)} on staging`,
    ]),
    scheduled_for: iso(next ?? upcoming),
    cron_expression: cronExpression,
    is_recurring: 1,
    last_executed_at: last === null ? null : iso(last + rng.int(100, 20_000)),
    last_triggered_at: last === null ? null : iso(last),
    next_execution_at: next === null ? null : iso(next),
    execution_count: count,
    max_executions: limit,
    status,
    enabled: status === 'active' ? 1 : 0,
    expires_at: expires === null ? null : iso(expires),
    metadata: JSON.stringify({ description: 'recurring job', createdFrom: rng.pick(['slash-command', 'mention']), notify: rng.chance(0.5) }),
  };
}
