/** A piece of SQL with its positional parameters, so filters compose without string-pasting values. */
export interface SqlPart {
  readonly text: string;
  readonly params: readonly unknown[];
}

export const part = (text: string, ...params: unknown[]): SqlPart => ({ text, params });

/** Joins conditions with AND; an empty list is always true. */
export function allOf(parts: readonly SqlPart[]): SqlPart {
  if (parts.length === 0) return part('1');
  return { text: parts.map((p) => `(${p.text})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** Concatenates parts with a separator, keeping parameters in order. */
export function join(parts: readonly SqlPart[], separator = ' '): SqlPart {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}
