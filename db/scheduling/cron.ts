import { Cron, CronPattern } from 'croner';
import cronstrue from 'cronstrue';
import { ValidationError } from '../errors.js';
import { assertTimezone } from './timezone.js';

/** croner's messages begin with the class that threw ("CronPattern: ..."): drop that for operators. */
const reason = (e: unknown): string => String((e as Error)?.message ?? e).replace(/^Cron\w*:\s*/, '');

/** Only the classic five fields (minute hour day month weekday), as the service's scheduler reads them. */
function normalize(expression: string): string {
  const text = expression.trim().replace(/\s+/g, ' ');
  if (text.split(' ').length !== 5) {
    throw new ValidationError(`cron expression "${expression}" must have exactly five fields: minute hour day-of-month month day-of-week`);
  }
  return text;
}

/** The parsed fields (minute[], hour[] ... as 0/1 flags); throws ValidationError when invalid. */
export function parseCronPattern(expression: string): CronPattern {
  const text = normalize(expression);
  try {
    return new CronPattern(text, undefined, { mode: '5-part' });
  } catch (e) {
    throw new ValidationError(`cron expression "${expression}" is invalid: ${reason(e)}`);
  }
}

/** A croner job (never started) reading the expression in the schedule's own timezone. */
export function cronIn(expression: string, timezone: string): Cron {
  const text = normalize(expression);
  const zone = assertTimezone(timezone);
  try {
    return new Cron(text, { timezone: zone, mode: '5-part', paused: true });
  } catch (e) {
    throw new ValidationError(`cron expression "${expression}" is invalid: ${reason(e)}`);
  }
}

/** The next `count` runs strictly after `from`, in the schedule's timezone (DST handled by croner). */
export function nextRuns(expression: string, timezone: string, count = 5, from: Date = new Date()): Date[] {
  return cronIn(expression, timezone).nextRuns(count, from);
}

/** The first run strictly after `from`, or null when the expression never fires again (e.g. `0 0 30 2 *`). */
export function nextRun(expression: string, timezone: string, from: Date = new Date()): Date | null {
  return cronIn(expression, timezone).nextRun(from);
}

/** The expression in words ("At 09:00 AM, Monday through Friday"); the raw text when cronstrue cannot read it. */
export function describeCron(expression: string): string {
  try {
    return cronstrue.toString(expression.trim(), { throwExceptionOnParseError: true });
  } catch {
    return expression;
  }
}
