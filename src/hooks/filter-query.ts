/** A filter as typed: `status:failed,running project:web fix login` -> fields and free text. */
export interface ParsedFilter {
  readonly fields: Readonly<Record<string, string>>;
  readonly text: string;
  /** `name:value` words whose name is no field of this list (kept as text, and said) */
  readonly unknown: readonly string[];
}

/**
 * Fields whose values the service writes in lower case (statuses, roles, states, types, audit
 * actions, yes/no): `status:FAILED` means failed. Ids, names, agents and models keep their case.
 */
export const FOLDED_FIELDS: ReadonlySet<string> = new Set(['status', 'role', 'active', 'state', 'type', 'action']);

/** A word that reads as `name:value` for a name that could be a field (not `http://…`, not `12:30`). */
const FIELD_LIKE = /^[a-z][a-z_-]*$/i;

/** Words `name:value` for the known names become fields (the last wins); every other word is text. */
export function parseFilter(input: string, names: readonly string[]): ParsedFilter {
  const fields: Record<string, string> = {};
  const text: string[] = [];
  const unknown: string[] = [];
  for (const word of input.trim().split(/\s+/).filter(Boolean)) {
    const at = word.indexOf(':');
    const name = at > 0 ? word.slice(0, at).toLowerCase() : '';
    const value = word.slice(at + 1);
    if (at > 0 && names.includes(name) && value) fields[name] = FOLDED_FIELDS.has(name) ? value.toLowerCase() : value;
    else {
      if (at > 0 && value && !value.startsWith('/') && FIELD_LIKE.test(name) && !unknown.includes(name)) unknown.push(name);
      text.push(word);
    }
  }
  return { fields, text: text.join(' '), unknown };
}

/** What the message line says for unknown field names, or null: `no field "stat" here (fields: status, project); searched as text`. */
export function unknownFieldsNotice(parsed: ParsedFilter, names: readonly string[]): string | null {
  if (parsed.unknown.length === 0) return null;
  const which = parsed.unknown.map((n) => `"${n}:"`).join(', ');
  const fields = names.length ? `the fields here: ${names.map((n) => `${n}:`).join(', ')}` : 'this list has no fields';
  return `No field ${which} on this list (${fields}); the word${parsed.unknown.length > 1 ? 's were' : ' was'} searched as text.`;
}

/** A comma list field (`status:failed,running`). */
export const listField = (v: string | undefined): string[] | undefined => (v ? v.split(',').filter(Boolean) : undefined);
