import { DateTime } from 'luxon';

/** "2026-03-09 09:00 EDT" (or "GMT+1" where the zone has no common abbreviation). */
export function formatInZone(date: Date, timezone: string): string {
  const dt = DateTime.fromJSDate(date, { zone: timezone });
  return dt.isValid ? dt.toFormat('yyyy-LL-dd HH:mm ZZZZ') : date.toISOString();
}

const UNITS: readonly [limitSeconds: number, divisor: number, unit: string][] = [
  [60, 1, 's'],
  [3_600, 60, 'min'],
  [86_400, 3_600, 'h'],
  [Infinity, 86_400, 'd'],
];

/** "in 3 h", "2 d ago", "now": the distance from `now`, rounded down to its largest unit. */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 1) return 'now';
  const [, divisor, unit] = UNITS.find(([limit]) => abs < limit)!;
  const n = Math.floor(abs / divisor);
  return seconds > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
