import { DateTime } from 'luxon';
import { formatRelative } from '../../db/scheduling/index.js';

const WEEK_MS = 6 * 86_400_000;

/** A stored time in the schedule's own zone: the weekday within a week, else the date. */
export function inZone(iso: string, zone: string, now: Date = new Date()): string {
  const utc = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!utc.isValid) return iso;
  const dt = utc.setZone(zone).setLocale('en-US');
  if (!dt.isValid) return `${utc.toFormat('yyyy-LL-dd HH:mm')} UTC (unknown zone ${zone})`;
  const near = Math.abs(dt.toMillis() - now.getTime()) < WEEK_MS;
  const format = near ? 'ccc HH:mm' : dt.year === DateTime.fromJSDate(now, { zone }).year ? 'd LLL HH:mm' : 'd LLL yyyy HH:mm';
  return `${dt.toFormat(format)} ${zone}`;
}

/** "Tue 09:00 America/New_York · in 3 h"; empty when there is no next run. */
export function nextRunText(iso: string | null, zone: string, now: Date = new Date()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${inZone(iso, zone, now)} · ${formatRelative(new Date(t), now)}`;
}

/** The date of a time in the schedule's zone ("2026-12-31"), for the expiry column. */
export function dateInZone(iso: string | null, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone);
  return dt.isValid ? dt.toFormat('yyyy-LL-dd') : iso;
}

/** "3/10" runs of a limit, "3/∞" without one. */
export const runsText = (count: number, max: number | null): string => `${count}/${max ?? '∞'}`;
