import { ValidationError } from '../errors.js';
import { TASK_TYPES } from './rules.js';

/** Reminders are posted by the `system` bot with `remind`, as the service's /bm remind writes them. */
export const REMINDER_BOT = { botName: 'system', command: 'remind' } as const;

/** What a schedule is, in the three columns the service reads it by. */
export interface ScheduleKind {
  taskType: string;
  botName: string;
  command: string;
}

/** A refusal of the type, bot or command, naming which of them it is about. */
export class ScheduleKindError extends ValidationError {
  constructor(
    readonly field: 'type' | 'bot' | 'command',
    message: string,
  ) {
    super(message);
  }
}

export interface KindInput {
  /** absent or blank: follows from `recurring` (recurring_job, else prompt_execution) */
  taskType?: string | null;
  botName?: string | null;
  command?: string | null;
  /** has a cron expression */
  recurring: boolean;
}

/**
 * The type, bot and command as the service writes them: anything with a cron expression is a
 * `recurring_job` (its createCronJob sets it whatever was asked), a one-shot is a `reminder` or a
 * `prompt_execution`, and a reminder is sent by `system` with `remind`. Refuses what the service
 * would never write: a reminder with a cron (it completes a reminder after one message), a
 * recurring_job without one, a reminder from another bot.
 */
export function scheduleKind(input: KindInput): ScheduleKind {
  const asked = input.taskType?.trim() || (input.recurring ? 'recurring_job' : 'prompt_execution');
  if (!(TASK_TYPES as readonly string[]).includes(asked)) throw new ScheduleKindError('type', `task type "${asked}" is not one of ${TASK_TYPES.join(', ')}`);
  const bot = input.botName?.trim() ?? '';
  const command = input.command?.trim() ?? '';
  if (asked === 'reminder') {
    if (input.recurring)
      throw new ScheduleKindError('type', 'a reminder runs once (the service completes it after posting it); a schedule with a cron expression is a recurring_job with a bot and command');
    if ((bot && bot !== REMINDER_BOT.botName) || (command && command !== REMINDER_BOT.command)) {
      throw new ScheduleKindError(
        bot && bot !== REMINDER_BOT.botName ? 'bot' : 'command',
        `a reminder is posted by the system bot with the remind command, as the service writes it, not by "${bot} ${command}"`,
      );
    }
    return { taskType: 'reminder', ...REMINDER_BOT };
  }
  if (asked === 'recurring_job' && !input.recurring) {
    throw new ScheduleKindError('type', 'a recurring_job needs a cron expression; a one-shot is a reminder or a prompt_execution');
  }
  if (!bot) throw new ScheduleKindError('bot', 'name the bot that runs it');
  if (!command) throw new ScheduleKindError('command', 'name the bot command to run');
  return { taskType: input.recurring ? 'recurring_job' : asked, botName: bot, command };
}

/** Statuses after which a schedule never runs again (the service leaves next_execution_at as it was). */
export const FINISHED_STATUSES = ['completed', 'cancelled', 'failed'] as const;

/** The next run to show: none for a finished schedule, whatever next_execution_at still holds. */
export function upcomingRun(s: { readonly status: string; readonly nextExecutionAt: string | null }): string | null {
  return (FINISHED_STATUSES as readonly string[]).includes(s.status) ? null : s.nextExecutionAt;
}
