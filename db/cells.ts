import { instantOf } from './time.js';

/**
 * The one boundary where stored values enter the read models and the commands (issue 13).
 *
 * Any SQLite cell can hold any type whatever the column says: a BLOB where text belongs
 * (better-sqlite3 hands it over as a Buffer), text in a number column, `yesterday` as a time.
 * Each read model passes its cells through these functions, so what reaches a screen or a
 * command is the type it declares: text as text, a BLOB as an inert marker, a time as
 * canonical ISO text or as its raw text marked unreadable. Nothing here throws.
 */

/** What a BLOB shows as: never its bytes. */
export const blobMarker = (bytes: Uint8Array): string => `⟨blob ${bytes.byteLength} bytes⟩`;

/** What a time that is not one shows as: `?` before its raw text (cut to 40 characters). */
export const UNREADABLE_TIME = '?';
const MAX_RAW_TIME = 40;

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** Any cell as display text: numbers written out, a BLOB as its marker; null stays null. */
export function textOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (isBytes(v)) return blobMarker(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? UNREADABLE_TIME : v.toISOString();
  return String(v);
}

/** Text for a NOT NULL column: NULL (which real files hold) reads as ''. */
export const text = (v: unknown): string => textOrNull(v) ?? '';

/** A number, or NaN for text, a BLOB or NULL in a NOT NULL number column (formatters show `?`). */
export function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

export const number = (v: unknown): number => numberOrNull(v) ?? NaN;

/** SQLite's truth: 1 (or a boolean true from drizzle) is true, anything else false. */
export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;

function markedTime(v: unknown): string {
  if (isBytes(v)) return blobMarker(v);
  const raw = text(v);
  return `${UNREADABLE_TIME}${raw.length > MAX_RAW_TIME ? `${raw.slice(0, MAX_RAW_TIME)}…` : raw}`;
}

/**
 * A time column's value as canonical ISO text (`2026-11-26T11:45:09.075Z`) whatever form
 * another writer left (an offset, `YYYY-MM-DD HH:MM:SS` as UTC, Unix seconds or milliseconds),
 * or marked unreadable (`?yesterday`, a BLOB's marker). NULL stays null.
 */
export function timeOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? UNREADABLE_TIME : v.toISOString();
  const ms = instantOf(v);
  return ms === undefined ? markedTime(v) : new Date(ms).toISOString();
}

/** A time for a NOT NULL column: NULL reads as the unreadable marker alone. */
export const time = (v: unknown): string => timeOrNull(v) ?? UNREADABLE_TIME;

/** api_keys' Unix seconds: milliseconds past 1e11 divided, ISO text read; an unreadable value as its marked text. */
export function secondsOrMarked(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? UNREADABLE_TIME : Math.floor(v.getTime() / 1000);
  const ms = instantOf(v);
  return ms === undefined ? markedTime(v) : Math.floor(ms / 1000);
}

/** How each field of a row is read. */
export type CellKind = 'text' | 'text?' | 'number' | 'number?' | 'bool' | 'time' | 'time?';

type KindValue<K extends CellKind> = K extends 'text' | 'time' ? string : K extends 'text?' | 'time?' ? string | null : K extends 'number' ? number : K extends 'number?' ? number | null : boolean;

export type Cleaned<S extends Record<string, CellKind>> = { -readonly [P in keyof S]: KindValue<S[P]> };

const readers: { [K in CellKind]: (v: unknown) => KindValue<K> } = {
  text,
  'text?': textOrNull,
  number,
  'number?': numberOrNull,
  bool,
  time,
  'time?': timeOrNull,
};

/** One row through its fields' readers; fields the spec does not name are kept as they are. */
export function cleanCells<S extends Record<string, CellKind>, R extends object>(row: R, spec: S): Omit<R, keyof S> & Cleaned<S> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [field, kind] of Object.entries(spec)) out[field] = readers[kind](out[field]);
  return out as Omit<R, keyof S> & Cleaned<S>;
}
