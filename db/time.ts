/** The one time format the service writes and compares as text (COMPAT.md). */
export const nowIso = (): string => new Date().toISOString();

export const toIso = (d: Date): string => d.toISOString();

/** api_keys stores Unix seconds; drizzle's timestamp mode maps them to Date. */
export const toUnixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

// Reading times other writers left (issue 12): never written back, only shown and sorted as instants.

/** The service's own form, `2026-11-26T11:45:09.075Z`, as a GLOB: rows in it sort as text in instant order. */
export const CANONICAL_TIME_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';

/** Past this a number is milliseconds, not seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
export const MILLISECONDS_ABOVE = 1e11;

/** 0000-01-01 to 9999-12-31: the years an ISO string writes with four digits (and so sorts as text). */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_TEXT = /^\d{9,14}(?:\.\d+)?$/;

const inRange = (ms: number): number | undefined => (Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS ? ms : undefined);

/** Unix seconds or, past MILLISECONDS_ABOVE, milliseconds: as milliseconds. */
const epochMs = (n: number): number | undefined => inRange(Math.abs(n) > MILLISECONDS_ABOVE ? n : n * 1000);

function isoMs(text: string): number | undefined {
  const m = ISO_LIKE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const local = Date.UTC(...parts, Math.floor(Number(`0.${frac}`) * 1000));
  const back = new Date(local);
  // 2026-13-45 or 25:00 roll over in Date.UTC: refuse instead of showing another day.
  if (back.getUTCMonth() !== parts[1] || back.getUTCDate() !== parts[2] || back.getUTCHours() !== parts[3] || back.getUTCMinutes() !== parts[4] || back.getUTCSeconds() !== parts[5]) return undefined;
  let offset = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const minutes = Number(z[2]) * 60 + Number(z[3] ?? 0);
    if (Number(z[2]) > 23 || Number(z[3] ?? 0) > 59) return undefined;
    offset = (z[1] === '-' ? -1 : 1) * minutes * 60_000;
  }
  // No zone: UTC, as SQLite's datetime('now') means it.
  return inRange(local - offset);
}

/**
 * The instant a stored time means, in milliseconds, or undefined when it is not one:
 * ISO-8601 with `Z`, an offset or none (UTC), `YYYY-MM-DD HH:MM:SS`, a date alone, or a
 * number of Unix seconds (milliseconds past 1e11), as a number or digits.
 */
export function instantOf(v: unknown): number | undefined {
  if (typeof v === 'number') return epochMs(v);
  if (typeof v === 'bigint') return epochMs(Number(v));
  if (typeof v !== 'string') return undefined;
  if (EPOCH_TEXT.test(v)) return epochMs(Number(v));
  return isoMs(v);
}

/**
 * SQL for a time column's value as canonical ISO text, so text order is instant order: the
 * column itself when already canonical, SQLite's own reading of other ISO forms (an offset,
 * a space, no zone: UTC), numbers as Unix seconds (milliseconds past 1e11), and anything
 * unreadable as itself. `column` is a quoted SQL column reference.
 */
export function canonicalTimeSql(column: string): string {
  const fmt = `'%Y-%m-%dT%H:%M:%fZ'`;
  return (
    `(CASE WHEN ${column} GLOB '${CANONICAL_TIME_GLOB}' THEN ${column}` +
    ` WHEN ${isEpochSql(column)} THEN coalesce(strftime(${fmt}, ${secondsOfEpochSql(column)}, 'unixepoch'), ${column})` +
    ` WHEN typeof(${column}) = 'text' THEN coalesce(strftime(${fmt}, ${column}), ${column})` +
    ` ELSE ${column} END)`
  );
}

/** A number, or digits as text (EPOCH_TEXT), as instantOf reads them. */
const isEpochSql = (c: string): string => `(typeof(${c}) IN ('integer','real') OR (typeof(${c}) = 'text' AND length(${c}) BETWEEN 9 AND 30 AND ${c} GLOB '[0-9]*' AND ${c} NOT GLOB '*[^0-9.]*'))`;

/** Unix seconds of a number or digits: milliseconds past MILLISECONDS_ABOVE divided. */
const secondsOfEpochSql = (c: string): string => `(CASE WHEN abs(${c}) > ${MILLISECONDS_ABOVE} THEN ${c} / 1000.0 ELSE ${c} + 0 END)`;

/** SQL for api_keys' seconds as whole seconds: milliseconds (past 1e11) divided, ISO text read, anything else NULL. */
export function unixSecondsSql(column: string): string {
  return `(CASE WHEN ${isEpochSql(column)} THEN CAST(${secondsOfEpochSql(column)} AS INTEGER)` + ` WHEN typeof(${column}) = 'text' THEN CAST(strftime('%s', ${column}) AS INTEGER) ELSE NULL END)`;
}
