/** A filter as typed: `status:failed,running project:web fix login` -> fields and free text. */
export interface ParsedFilter {
  readonly fields: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Words `name:value` for the known names become fields (the last wins); every other word is text. */
export function parseFilter(input: string, names: readonly string[]): ParsedFilter {
  const fields: Record<string, string> = {};
  const text: string[] = [];
  for (const word of input.trim().split(/\s+/).filter(Boolean)) {
    const at = word.indexOf(':');
    const name = at > 0 ? word.slice(0, at).toLowerCase() : '';
    const value = word.slice(at + 1);
    if (at > 0 && names.includes(name) && value) fields[name] = value;
    else text.push(word);
  }
  return { fields, text: text.join(' ') };
}

/** A comma list field (`status:failed,running`). */
export const listField = (v: string | undefined): string[] | undefined => (v ? v.split(',').filter(Boolean) : undefined);
