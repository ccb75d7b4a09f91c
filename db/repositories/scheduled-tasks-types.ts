import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';

/**
 * A schedule to create: `cronExpression` makes it recurring, else it fires once at `scheduledFor`.
 * It takes the object the service's SchedulerService.scheduleTask / createCronJob pass to their
 * repository's create (isRecurring, nextExecutionAt, status, enabled, metadata as a JSON string):
 * like the service's, it stores what it is given, once the schedule rules allow it. An option it
 * does not know is refused, by type and at run time (NEW_SCHEDULE_OPTIONS), never dropped.
 */
export interface NewScheduledTask {
  id?: string;
  projectId: string;
  /** the owner's Slack user id (U...), not users.id */
  userId: string;
  taskType: string;
  botName: string;
  command: string;
  prompt: string;
  slackChannelId: string;
  slackThreadTs?: string | null;
  timezone: string;
  cronExpression?: string | null;
  scheduledFor?: Date | string | null;
  maxExecutions?: number | null;
  expiresAt?: Date | string | null;
  /** a string is stored as given (the service passes JSON.stringify(...)); an object is stringified once; default {} */
  metadata?: Record<string, unknown> | string;
  /** must agree with cronExpression (the service writes true exactly when it gives a cron) */
  isRecurring?: boolean;
  /** the first run: a one-shot's equals its scheduledFor; a recurring job's must be a future run of its cron */
  nextExecutionAt?: Date | string | null;
  /** one of SCHEDULE_STATUSES; default pending (one-shot) or active (recurring), as the service writes them */
  status?: string;
  /** default true */
  enabled?: boolean;
}

/** Every option NewScheduledTask has: create refuses any other key. */
export const NEW_SCHEDULE_OPTIONS = [
  'id',
  'projectId',
  'userId',
  'taskType',
  'botName',
  'command',
  'prompt',
  'slackChannelId',
  'slackThreadTs',
  'timezone',
  'cronExpression',
  'scheduledFor',
  'maxExecutions',
  'expiresAt',
  'metadata',
  'isRecurring',
  'nextExecutionAt',
  'status',
  'enabled',
] as const satisfies readonly (keyof NewScheduledTask)[];
/** Fails to compile when NewScheduledTask gains an option the list above lacks. */
export const NEW_SCHEDULE_OPTIONS_COMPLETE: [Exclude<keyof NewScheduledTask, (typeof NEW_SCHEDULE_OPTIONS)[number]>] extends [never] ? true : never = true;

/** Any stored field; time-changing fields go through the scheduling rules again. */
export type ScheduledTaskPatch = Partial<Omit<ScheduledTaskInsert, 'id' | 'createdAt' | 'updatedAt' | 'metadata'>> & {
  metadata?: Record<string, unknown> | string;
};

/** The service's findAll filters (projectId, userId, status, enabled) and the console's (several statuses, type, limit). */
export interface ScheduledTaskFilter {
  status?: string | readonly string[];
  /** the service's SchedulerService stats pass `{ enabled: true }` */
  enabled?: boolean;
  projectId?: string;
  userId?: string;
  taskType?: string;
  limit?: number;
}

/** Every filter ScheduledTaskFilter has: findAll refuses any other key rather than ignore it. */
export const SCHEDULE_FILTERS = ['status', 'enabled', 'projectId', 'userId', 'taskType', 'limit'] as const satisfies readonly (keyof ScheduledTaskFilter)[];
export const SCHEDULE_FILTERS_COMPLETE: [Exclude<keyof ScheduledTaskFilter, (typeof SCHEDULE_FILTERS)[number]>] extends [never] ? true : never = true;

export interface ResumeOptions {
  /** a one-shot schedule whose time has passed is refused unless this is set; then it fires at once */
  fireNow?: boolean;
}

export interface ResumeResult {
  row: ScheduledTaskRow;
  /** what will happen that the operator may not expect (a past one-shot firing at once) */
  warning?: string;
}
