/** JSON TEXT columns can hold anything in real databases: parse without ever throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; raw: string };

export function parseStringArray(raw: string | null | undefined): Parsed<string[]> {
  if (raw == null || raw === '') return { ok: true, value: [] };
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v)) return { ok: true, value: v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) };
  } catch {
    /* fall through: malformed */
  }
  return { ok: false, raw };
}

/** The array, or the raw text as its only element when malformed: for display. */
export function stringArrayOrRaw(raw: string | null | undefined): string[] {
  const p = parseStringArray(raw);
  return p.ok ? p.value : [p.raw];
}

export function parseObject(raw: string | null | undefined): Parsed<Record<string, unknown>> {
  if (raw == null || raw === '') return { ok: true, value: {} };
  try {
    const v: unknown = JSON.parse(raw);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { ok: true, value: v as Record<string, unknown> };
  } catch {
    /* fall through: malformed */
  }
  return { ok: false, raw };
}

export const toJson = (v: unknown): string => JSON.stringify(v ?? null);
