import { DateTime } from 'luxon';
import { cronIn, parseCronPattern } from './cron.js';

/** The spec's rule: a recurring schedule never runs more often than once an hour. */
export const MIN_INTERVAL_MINUTES = 60;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Runs are compared this far either side of each daylight-saving change. */
const DST_WINDOW_MS = 3 * 3_600_000;

const flagged = (flags: number[]): number[] => flags.flatMap((on, i) => (on ? [i] : []));
const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** Instants (to the minute) where the zone's UTC offset changes within a year after `from`. */
export function offsetChanges(timezone: string, from: Date, days = 366): Date[] {
  const offsetAt = (ms: number): number => DateTime.fromMillis(ms, { zone: timezone }).offset;
  const out: Date[] = [];
  const start = from.getTime();
  let before = offsetAt(start);
  for (let d = 0; d < days; d++) {
    let lo = start + d * DAY_MS;
    let hi = lo + DAY_MS;
    const after = offsetAt(hi);
    if (after === before) continue;
    before = after;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetAt(mid) === offsetAt(lo)) lo = mid;
      else hi = mid;
    }
    out.push(new Date(Math.floor(hi / MINUTE_MS) * MINUTE_MS)); // zones change on the minute
  }
  return out;
}

/**
 * Why the expression runs more often than once an hour, or null when it never does.
 * Away from clock changes a 5-field cron's runs are wall-clock times, so the fields decide every
 * gap exactly: two minute values in one hour are always under an hour apart. Around each
 * daylight-saving change of the coming year the real runs are enumerated and every gap compared,
 * which catches zones whose clocks move by half an hour (Australia/Lord_Howe).
 */
export function intervalRefusal(expression: string, timezone: string, from: Date = new Date()): string | null {
  const pattern = parseCronPattern(expression);
  const minutes = flagged(pattern.minute);
  const hours = flagged(pattern.hour);
  const rule = `a recurring schedule may run at most once an hour`;
  if (minutes.length > 1) {
    let at = 0;
    for (let i = 1; i + 1 < minutes.length; i++) if (minutes[i + 1]! - minutes[i]! < minutes[at + 1]! - minutes[at]!) at = i;
    const [a, b] = [minutes[at]!, minutes[at + 1]!];
    const h = hours[0] ?? 0;
    return `"${expression}" runs at ${hhmm(h, a)} and again at ${hhmm(h, b)}, ${b - a} minutes later; ${rule}`;
  }
  const job = cronIn(expression, timezone);
  for (const change of offsetChanges(timezone, from)) {
    const end = change.getTime() + DST_WINDOW_MS;
    let prev = job.nextRun(new Date(change.getTime() - DST_WINDOW_MS));
    while (prev && prev.getTime() <= end) {
      const next = job.nextRun(prev);
      if (!next) break;
      const gap = (next.getTime() - prev.getTime()) / MINUTE_MS;
      if (gap < MIN_INTERVAL_MINUTES) {
        const show = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toFormat('yyyy-LL-dd HH:mm ZZ');
        return `"${expression}" in ${timezone} runs at ${show(prev)} and again at ${show(next)}, ${gap} minutes later (a clock change); ${rule}`;
      }
      prev = next;
    }
  }
  return null;
}
