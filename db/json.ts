import { textOrNull } from './cells.js';

/** JSON TEXT columns can hold anything in real databases (a BLOB, a number): parse without ever throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; raw: string };

export function parseStringArray(cell: unknown): Parsed<string[]> {
  const raw = textOrNull(cell);
  if (raw == null || raw === '') return { ok: true, value: [] };
  if (typeof cell !== 'string') return { ok: false, raw };
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v)) return { ok: true, value: v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) };
  } catch {
    /* fall through: malformed */
  }
  return { ok: false, raw };
}

/** The array, or the raw text as its only element when malformed: for display. */
export function stringArrayOrRaw(raw: unknown): string[] {
  const p = parseStringArray(raw);
  return p.ok ? p.value : [p.raw];
}

export function parseObject(cell: unknown): Parsed<Record<string, unknown>> {
  const raw = textOrNull(cell);
  if (raw == null || raw === '') return { ok: true, value: {} };
  if (typeof cell !== 'string') return { ok: false, raw };
  try {
    const v: unknown = JSON.parse(raw);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { ok: true, value: v as Record<string, unknown> };
  } catch {
    /* fall through: malformed */
  }
  return { ok: false, raw };
}

export const toJson = (v: unknown): string => JSON.stringify(v ?? null);
